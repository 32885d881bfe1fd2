// Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as ranges of days. ISO day strings compare correctly as text.

export type IsoDay = string;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first day a partial date can mean: "2024" -> "2024-01-01". */
export function startOf(date: string): IsoDay {
  const [year, month = '01', day = '01'] = date.split('-');
  return `${year}-${month}-${day}`;
}

/** The last day a partial date can mean: "2024-02" -> "2024-02-29". */
export function endOf(date: string): IsoDay {
  const [year, month, day] = date.split('-');
  if (day !== undefined) return date;
  if (month !== undefined) return `${year}-${month}-${String(daysInMonth(Number(year), Number(month))).padStart(2, '0')}`;
  return `${year}-12-31`;
}

export function compareStart(a: string, b: string): number {
  const x = startOf(a);
  const y = startOf(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether day D falls within [from, to] (inclusive; an open `to` means "still so"). */
export function isWithin(day: IsoDay, from: string, to?: string): boolean {
  return startOf(from) <= day && (to === undefined || day <= endOf(to));
}

export function isIsoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export function todayIso(now: Date = new Date()): IsoDay {
  return now.toISOString().slice(0, 10);
}
