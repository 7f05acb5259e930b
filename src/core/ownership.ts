/**
 * How an output sheet is recognised as ours. A workbook-level defined name per job points
 * at cell A1 of the sheet the add-in wrote; it follows the sheet when the user renames it,
 * works from ExcelApi 1.4 up and is written the same way by the .xlsx runner. A sheet that
 * the name does not point at is never cleared, whatever it is called.
 */
import type { OutputJob } from "./jobs";

export function ownerMarkName(job: OutputJob): string {
  return `Statsbidrag_${job}`;
}

/** Excel's limits on sheet names: 31 characters, none of : \ / ? * [ ], not starting/ending with '. */
export function sanitiseSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, " ")
    .replace(/^'+|'+$/g, "")
    .trim();
  return (cleaned || "Statsbidrag").slice(0, 31);
}

/**
 * `desired` unless a sheet of that name exists (case-insensitively, as Excel compares), then
 * "Name (2)", "Name (3)", ... shortened to fit 31 characters.
 */
export function freeSheetName(desired: string, existing: readonly string[]): string {
  const base = sanitiseSheetName(desired);
  const taken = new Set(existing.map((n) => n.toLocaleLowerCase("sv")));
  if (!taken.has(base.toLocaleLowerCase("sv"))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(candidate.toLocaleLowerCase("sv"))) return candidate;
  }
}
