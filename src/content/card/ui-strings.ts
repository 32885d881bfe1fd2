// The few words of the card's own controls that the card model does not carry.
import type { Lang } from '../../core/pack.ts';

export interface CardUiStrings {
  pin: string;
  unpin: string;
  back: string;
  openFull: string;
  /** Unfold the background text. */
  more: string;
}

export const CARD_UI: Record<Lang, CardUiStrings> = {
  en: { pin: 'Keep open', unpin: 'Stop keeping open', back: 'Back', openFull: 'Full entity card', more: 'More' },
  ar: { pin: 'إبقاء البطاقة مفتوحة', unpin: 'إلغاء الإبقاء', back: 'رجوع', openFull: 'البطاقة الكاملة', more: 'المزيد' },
  ru: { pin: 'Закрепить', unpin: 'Открепить', back: 'Назад', openFull: 'Полная карточка', more: 'Подробнее' },
};
