// The words of the entity card in English, Arabic and Russian, and date formatting for each language.
// Month names are written out here rather than taken from Intl, so node and every browser print the same thing.
import type { Category, EntityType, Lang, MembershipStatus } from './pack.ts';

export type Dir = 'ltr' | 'rtl';

export interface CardStrings {
  dir: Dir;
  types: Record<EntityType, string>;
  categories: Record<Category, string>;
  /** Status of a state in an organisation. */
  statuses: Record<MembershipStatus, string>;
  /** Status of anything else (a body, an organisation) in an organisation. */
  statusesOther: Record<MembershipStatus, string>;
  /** No entry on the day, an earlier one has ended. */
  noLongerMember: string;
  /** No entry on the day, the first one is later. */
  notYetMember: string;
  /** No entry on the day, between two entries. */
  notMember: string;
  /** Heading of the "then" section: {date}. */
  atArticle: string;
  /** Heading of the "then" section when it is not an article's date (the CLI): {date}. */
  asOf: string;
  today: string;
  /** The word "former" on its own. */
  former: string;
  /** A role no longer held: {title} is the title alone or the whole line, as formerAppliesTo says. */
  formerRole: string;
  /** 'title': "وزير الدفاع السابق، روسيا" (the adjective follows the title); 'line': "former Minister of Defence, Russia". */
  formerAppliesTo: 'title' | 'line';
  /** A role in an entity: {title}, {of}. */
  roleIn: string;
  /** An organisation and a status: {org}, {status}. */
  statusIn: string;
  /** Periods: {from}, {to}. */
  period: string;
  since: string;
  until: string;
  approximate: string;
  noRole: string;
  /** The day is before every dated fact: {date} is the earliest. */
  beforeRecords: string;
  changes: string;
  /** Differences. role-ended: {role}, {to}; role-started: {role}, {from}; role-between: {role}, {period};
   *  status-changed: {org}, {then}, {now}, {detail} ("since …", and the statuses in between when there were any;
   *  statusChangedNoDate when there is no detail). */
  roleEnded: string;
  roleStarted: string;
  roleBetween: string;
  statusChanged: string;
  statusChangedNoDate: string;
  /** The statuses held in between: {list}. */
  inBetween: string;
  roles: string;
  memberships: string;
  formerRoles: string;
  background: string;
  related: string;
  sources: string;
  /** {date} */
  checked: string;
  otherNames: string;
  close: string;
  listSeparator: string;
}

const en: CardStrings = {
  dir: 'ltr',
  types: {
    organisation: 'Organisation',
    body: 'Body',
    state: 'State',
    person: 'Person',
    treaty: 'Treaty',
    force: 'Armed force',
    place: 'Place',
    media: 'Media outlet',
    event: 'Event',
  },
  categories: {
    'csto-bodies': 'CSTO and its bodies',
    'member-states': 'Member states',
    'former-and-observers': 'Former members and observers',
    people: 'People',
    organisations: 'Other organisations',
    media: 'Media',
    places: 'Places',
  },
  statuses: {
    member: 'member state',
    'founding-member': 'founding member',
    frozen: 'participation frozen',
    suspended: 'membership suspended',
    withdrawn: 'withdrawn',
    observer: 'observer',
  },
  statusesOther: {
    member: 'member',
    'founding-member': 'founding member',
    frozen: 'participation frozen',
    suspended: 'membership suspended',
    withdrawn: 'withdrawn',
    observer: 'observer',
  },
  noLongerMember: 'no longer a member',
  notYetMember: 'not yet a member',
  notMember: 'not a member',
  atArticle: 'At the time of this article ({date})',
  asOf: 'As of {date}',
  today: 'Today',
  former: 'former',
  formerRole: 'former {title}',
  formerAppliesTo: 'line',
  roleIn: '{title}, {of}',
  statusIn: '{org}: {status}',
  period: '{from} – {to}',
  since: 'since {from}',
  until: 'until {to}',
  approximate: 'approximate date',
  noRole: 'No recorded office on this date',
  beforeRecords: 'Nothing is recorded this early; the earliest record is from {date}',
  changes: 'What changed since then',
  roleEnded: 'Then: {role}; now former (until {to})',
  roleStarted: 'Now: {role} ({since})',
  roleBetween: 'In between: {role} ({period})',
  statusChanged: '{org}: {then} then, {now} now ({detail})',
  statusChangedNoDate: '{org}: {then} then, {now} now',
  inBetween: 'in between: {list}',
  roles: 'Offices',
  memberships: 'Membership',
  formerRoles: 'Earlier offices',
  background: 'Background',
  related: 'Related',
  sources: 'Sources',
  checked: 'Checked {date}',
  otherNames: 'Other names',
  close: 'Close',
  listSeparator: ', ',
};

const ar: CardStrings = {
  dir: 'rtl',
  types: {
    organisation: 'منظمة',
    body: 'هيئة',
    state: 'دولة',
    person: 'شخصية',
    treaty: 'معاهدة',
    force: 'قوة عسكرية',
    place: 'مكان',
    media: 'وسيلة إعلام',
    event: 'حدث',
  },
  categories: {
    'csto-bodies': 'منظمة معاهدة الأمن الجماعي وهيئاتها',
    'member-states': 'الدول الأعضاء',
    'former-and-observers': 'الأعضاء السابقون والمراقبون',
    people: 'شخصيات',
    organisations: 'منظمات أخرى',
    media: 'وسائل إعلام',
    places: 'أماكن',
  },
  statuses: {
    member: 'دولة عضو',
    'founding-member': 'عضو مؤسس',
    frozen: 'المشاركة مجمَّدة',
    suspended: 'العضوية معلَّقة',
    withdrawn: 'منسحبة',
    observer: 'مراقب',
  },
  statusesOther: {
    member: 'عضو',
    'founding-member': 'عضو مؤسس',
    frozen: 'المشاركة مجمَّدة',
    suspended: 'العضوية معلَّقة',
    withdrawn: 'منسحب',
    observer: 'مراقب',
  },
  noLongerMember: 'لم تعد عضوًا',
  notYetMember: 'لم تنضم بعد',
  notMember: 'غير عضو',
  atArticle: 'وقت نشر هذا المقال ({date})',
  asOf: 'بتاريخ {date}',
  today: 'اليوم',
  former: 'سابق',
  formerRole: '{title} السابق',
  formerAppliesTo: 'title',
  roleIn: '{title}، {of}',
  statusIn: '{org}: {status}',
  period: '{from} – {to}',
  since: 'منذ {from}',
  until: 'حتى {to}',
  approximate: 'تاريخ تقريبي',
  noRole: 'لا يوجد منصب مسجَّل في هذا التاريخ',
  beforeRecords: 'لا توجد معلومات مسجَّلة عن هذا التاريخ؛ أقدمها يعود إلى {date}',
  changes: 'ما الذي تغيّر منذ ذلك الحين',
  roleEnded: 'آنذاك: {role}؛ الآن: منصب سابق (حتى {to})',
  roleStarted: 'الآن: {role} ({since})',
  roleBetween: 'في الفترة الفاصلة: {role} ({period})',
  statusChanged: '{org}: {then} آنذاك، {now} الآن ({detail})',
  statusChangedNoDate: '{org}: {then} آنذاك، {now} الآن',
  inBetween: 'وفي الفترة الفاصلة: {list}',
  roles: 'المناصب',
  memberships: 'العضوية',
  formerRoles: 'مناصب سابقة',
  background: 'خلفية',
  related: 'ذات صلة',
  sources: 'المصادر',
  checked: 'تاريخ التحقق: {date}',
  otherNames: 'أسماء أخرى',
  close: 'إغلاق',
  listSeparator: '، ',
};

const ru: CardStrings = {
  dir: 'ltr',
  types: {
    organisation: 'Организация',
    body: 'Орган',
    state: 'Государство',
    person: 'Персона',
    treaty: 'Договор',
    force: 'Воинское формирование',
    place: 'Место',
    media: 'СМИ',
    event: 'Событие',
  },
  categories: {
    'csto-bodies': 'ОДКБ и её органы',
    'member-states': 'Государства-члены',
    'former-and-observers': 'Бывшие члены и наблюдатели',
    people: 'Персоны',
    organisations: 'Другие организации',
    media: 'СМИ',
    places: 'Места',
  },
  statuses: {
    member: 'государство-член',
    'founding-member': 'государство-основатель',
    frozen: 'участие заморожено',
    suspended: 'членство приостановлено',
    withdrawn: 'вышло из организации',
    observer: 'наблюдатель',
  },
  statusesOther: {
    member: 'член',
    'founding-member': 'член-основатель',
    frozen: 'участие заморожено',
    suspended: 'членство приостановлено',
    withdrawn: 'выбыл',
    observer: 'наблюдатель',
  },
  noLongerMember: 'больше не член',
  notYetMember: 'ещё не член',
  notMember: 'не член',
  atArticle: 'На момент выхода статьи ({date})',
  asOf: 'На {date}',
  today: 'Сегодня',
  former: 'бывший',
  formerRole: '{title} (в прошлом)',
  formerAppliesTo: 'line',
  roleIn: '{title}, {of}',
  statusIn: '{org}: {status}',
  period: '{from} – {to}',
  since: 'с {from}',
  until: 'до {to}',
  approximate: 'дата приблизительная',
  noRole: 'На эту дату должностей не зафиксировано',
  beforeRecords: 'На эту дату сведений нет; самые ранние — от {date}',
  changes: 'Что изменилось с тех пор',
  roleEnded: 'Тогда: {role}; теперь в прошлом (до {to})',
  roleStarted: 'Теперь: {role} ({since})',
  roleBetween: 'В промежутке: {role} ({period})',
  statusChanged: '{org}: тогда — {then}, теперь — {now} ({detail})',
  statusChangedNoDate: '{org}: тогда — {then}, теперь — {now}',
  inBetween: 'в промежутке: {list}',
  roles: 'Должности',
  memberships: 'Членство',
  formerRoles: 'Прежние должности',
  background: 'Справка',
  related: 'Связанные',
  sources: 'Источники',
  checked: 'Проверено: {date}',
  otherNames: 'Другие написания',
  close: 'Закрыть',
  listSeparator: ', ',
};

export const CARD_STRINGS: Record<Lang, CardStrings> = { en, ar, ru };

export function cardStrings(lang: Lang): CardStrings {
  return CARD_STRINGS[lang];
}

/** Replace {name} placeholders. Unknown placeholders are left as they are. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

const MONTHS: Record<Lang, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  // The names used by most Gulf and Egyptian outlets (Asharq, Al Arabiya, Al Jazeera).
  ar: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  ru: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
};

/** Russian months in the genitive: "31 августа", "с августа 2021". */
const RU_MONTHS_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

export function monthName(lang: Lang, month: number, genitive = false): string {
  if (lang === 'ru' && genitive) return RU_MONTHS_GENITIVE[month - 1]!;
  return MONTHS[lang][month - 1]!;
}

/**
 * A partial date (YYYY, YYYY-MM, YYYY-MM-DD) written for readers: "31 Aug 2021", "31 أغسطس 2021", "31 августа 2021".
 * `governed` is for Russian text after a preposition ("с", "до", "от"): months take the genitive and a year gets "г."
 * ("с мая 2024 г.", "до 2022 г."). Other languages ignore it.
 */
export function formatDate(date: string, lang: Lang, governed = false): string {
  const [yearText, monthText, dayText] = date.split('-');
  const year = yearText ?? date;
  const month = monthText === undefined ? undefined : Number(monthText);
  const day = dayText === undefined ? undefined : Number(dayText);
  if (month === undefined || !(month >= 1 && month <= 12)) return lang === 'ru' && governed ? `${year} г.` : year;
  const suffix = lang === 'ru' && governed ? ' г.' : '';
  if (day === undefined) return `${monthName(lang, month, lang === 'ru' && governed)} ${year}${suffix}`;
  return `${day} ${monthName(lang, month, lang === 'ru')} ${year}${suffix}`;
}

/** "6 Nov 2012 – 12 May 2024", "since 2004", "until 31 Dec 2022" in the card language. */
export function formatPeriod(lang: Lang, from: string | undefined, to: string | undefined): string {
  const s = CARD_STRINGS[lang];
  if (from !== undefined && to !== undefined) return fill(s.period, { from: formatDate(from, lang), to: formatDate(to, lang) });
  if (from !== undefined) return fill(s.since, { from: formatDate(from, lang, true) });
  if (to !== undefined) return fill(s.until, { to: formatDate(to, lang, true) });
  return '';
}

export function statusLabel(lang: Lang, status: MembershipStatus, forState: boolean): string {
  return (forState ? CARD_STRINGS[lang].statuses : CARD_STRINGS[lang].statusesOther)[status];
}
