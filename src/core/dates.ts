/** Dates as the sheet shows them. */

/** "2026-11-25" for the user's own calendar day (not UTC's, which is yesterday after midnight in Sweden). */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
