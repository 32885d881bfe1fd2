// Content script (a card's "more" link) -> background: open the full card on the options page, as of `date` (the
// article's day) when given. Pages cannot link to extension pages themselves, so the background opens the tab.

export interface OpenCardMessage {
  type: 'csto-lens/open-card';
  entity: string;
  date?: string | null;
}

export function isOpenCardMessage(value: unknown): value is OpenCardMessage {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'csto-lens/open-card';
}

/** The options page's address for one entity's full card: "src/options/index.html#entity=ID[&date=YYYY-MM-DD]". */
export function optionsCardPath(entity: string, date?: string | null): string {
  const params = new URLSearchParams({ entity });
  if (date) params.set('date', date);
  return `src/options/index.html#${params.toString()}`;
}
