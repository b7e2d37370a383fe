// Partial dates ("1948", "1991-08", "2022-02-24"): formatting and ordering.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2022-02-24" → "24 February 2022"; "1991-08" → "August 1991"; "1948" → "1948". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  if (!m) return y;
  const month = MONTHS[Number(m) - 1];
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** A span, shortened where the parts share a month or year: "2–3 December 2021". */
export function formatRange(start: string, end?: string): string {
  if (!end || end === start) return formatDate(start);
  const [y1, m1, d1] = start.split('-');
  const [y2, m2, d2] = end.split('-');
  if (y1 === y2 && m1 && m1 === m2 && d1 && d2) return `${Number(d1)}–${Number(d2)} ${MONTHS[Number(m1) - 1]} ${y1}`;
  return `${formatDate(start)} – ${formatDate(end)}`;
}

/** Sort key: a partial date sorts at the start of the period it names. */
export function dateKey(date: string): string {
  const [y, m = '01', d = '01'] = date.split('-');
  return `${y}-${m}-${d}`;
}

export const compareDates = (a: string, b: string) => dateKey(a).localeCompare(dateKey(b));
