/**
 * How an output sheet is recognised as ours. A workbook-level defined name per job points
 * at cell A1 of the sheet the add-in wrote; it follows the sheet when the user renames it,
 * works from ExcelApi 1.4 up and is written the same way by the .xlsx runner. A sheet that
 * the name does not point at is never cleared, whatever it is called.
 */
import { parseReference } from "../grid";
import type { OutputJob } from "./jobs";

export function ownerMarkName(job: OutputJob): string {
  return `Statsbidrag_${job}`;
}

const MAX_SHEET_NAME = 31;
const FALLBACK_NAME = "Statsbidrag";

/** Trims what Excel refuses at the ends of a sheet name: spaces and apostrophes. */
function trimEnds(name: string): string {
  return name.replace(/^[\s']+|[\s']+$/g, "");
}

/** Cuts to `length` UTF-16 units without splitting a surrogate pair (an emoji). */
function cut(name: string, length: number): string {
  const head = name.slice(0, length);
  return /[\ud800-\udbff]$/.test(head) ? head.slice(0, -1) : head;
}

/**
 * Excel's rules for sheet names: 31 characters, none of : \ / ? * [ ], not starting or
 * ending with an apostrophe, and not the reserved name "History".
 */
export function sanitiseSheetName(name: string): string {
  const cleaned = trimEnds(cut(trimEnds(name.replace(/[:\\/?*[\]]/g, " ")), MAX_SHEET_NAME));
  if (cleaned === "" || cleaned.toLowerCase() === "history") return FALLBACK_NAME;
  return cleaned;
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
    const candidate = trimEnds(cut(base, MAX_SHEET_NAME - suffix.length)) + suffix;
    if (!taken.has(candidate.toLocaleLowerCase("sv"))) return candidate;
  }
}

/**
 * The sheet the owner mark points at, or null. `value` of a range name is its address,
 * e.g. "Fördelning!$A$1" or "'Min flik'!$A$1"; "#REF!" once the sheet was deleted.
 */
export function ownedSheetName(markValue: unknown, sheetNames: readonly string[]): string | null {
  if (typeof markValue !== "string") return null;
  let reference: ReturnType<typeof parseReference>;
  try {
    reference = parseReference(markValue.replace(/^=/, ""));
  } catch {
    return null;
  }
  // The mark is A1 of our sheet. Anywhere else it was cut and pasted into another sheet (a
  // defined name follows a cut), and that sheet is the user's.
  const { top, left, bottom, right } = reference.box;
  if (top !== 0 || left !== 0 || bottom !== 0 || right !== 0) return null;
  const sheet = reference.sheet;
  return sheet !== null && sheetNames.includes(sheet) ? sheet : null;
}
