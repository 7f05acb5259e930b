/**
 * Which recipient a requisition is from. A requisition names its recipient by code
 * ("0180", or 180 after a spreadsheet dropped the zero), by name, or both ("0180 Stockholm").
 *
 * Names are compared twice: strictly (case, extra spaces and line breaks ignored) and, when
 * that finds nothing, loosely (hyphens and dashes read as spaces as well). å, ä and ö are
 * never folded: "Malung Salen" is not "Malung-Sälen". A requisition that could be two
 * recipients is never matched to either; one that matches none gets the closest name by
 * edit distance as a hint.
 */
import type { CellValue } from "../../grid";
import { cellText } from "../../table/columns";

/** A recipient as matching sees it. */
export interface MatchTarget {
  name: string;
  /** Normalised code ("0180"), or null. */
  code: string | null;
}

export type Match =
  | { kind: "matched"; index: number }
  | { kind: "empty" }
  /** Could be more than one recipient (indexes, at least two). */
  | { kind: "ambiguous"; text: string; candidates: number[] }
  /** Nothing matched; `hints` are the closest names (usually one; ties give several). */
  | { kind: "unknown"; text: string; hints: string[] };

/**
 * "0180", "180" and 180 -> "0180": a number of up to four digits is a kommunkod and gets its
 * leading zeros back. Longer digit strings and other text (an organisation number, "S-12")
 * are kept as typed, upper case. Null when the value cannot be a code (1.5, -3, TRUE).
 */
export function normaliseCode(value: CellValue | undefined): string | null {
  if (value === null || value === undefined || typeof value === "boolean") return null;
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || value < 0) return null;
    return String(value).padStart(4, "0");
  }
  const text = cellText(value).replace(/\s+/g, "");
  if (text === "") return null;
  if (/^\d{1,4}$/.test(text)) return text.padStart(4, "0");
  return text.toUpperCase();
}

/** Case, spaces and line breaks ignored; letters (å, ä, ö) kept as they are. */
export function strictName(text: string): string {
  return cellText(text.normalize("NFC"))
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim()
    .toLocaleLowerCase("sv");
}

/** As `strictName`, and hyphens, dashes and underscores read as a space. */
export function looseName(text: string): string {
  return strictName(text)
    .replace(/[-\u2010-\u2015_]/g, " ")
    .replace(/ +/g, " ")
    .trim();
}

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const xs = Array.from(a);
  const ys = Array.from(b);
  let previous = Array.from({ length: ys.length + 1 }, (_, j) => j);
  for (let i = 1; i <= xs.length; i++) {
    const current = [i];
    for (let j = 1; j <= ys.length; j++) {
      const substitution = previous[j - 1] + (xs[i - 1] === ys[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[ys.length];
}

/** A recipient cell split into its code and name parts ("0180 Stockholm", "Stockholm (0180)"). */
export function splitRecipient(value: CellValue): { code: string | null; name: string } {
  if (typeof value === "number") return { code: normaliseCode(value), name: "" };
  const text = cellText(value);
  if (/^\d+$/.test(text.replace(/\s+/g, ""))) return { code: normaliseCode(text), name: "" };
  const leading = /^(\d{1,4})\s*[-\u2013:]?\s*(\p{L}.*)$/u.exec(text);
  if (leading) return { code: normaliseCode(leading[1]), name: leading[2] };
  const trailing = /^(.*\D)\s*\((\d{1,4})\)$/.exec(text);
  if (trailing) return { code: normaliseCode(trailing[2]), name: trailing[1].trim() };
  return { code: null, name: text };
}

/** Closest names allowed as hints: at most a third of the typed length away (at least 2). */
function hintLimit(text: string): number {
  return Math.max(2, Math.floor(Array.from(text).length / 3));
}

export class RecipientIndex {
  private readonly byCode = new Map<string, number>();
  private readonly byStrict = new Map<string, number[]>();
  private readonly byLoose = new Map<string, number[]>();
  private readonly looseNames: string[];

  constructor(private readonly targets: readonly MatchTarget[]) {
    this.looseNames = targets.map((t) => looseName(t.name));
    targets.forEach((target, index) => {
      if (target.code !== null && !this.byCode.has(target.code))
        this.byCode.set(target.code, index);
      push(this.byStrict, strictName(target.name), index);
      push(this.byLoose, this.looseNames[index], index);
    });
  }

  match(value: CellValue): Match {
    const text = cellText(value === null || value === undefined ? "" : String(value));
    if (text === "") return { kind: "empty" };
    const { code, name } = splitRecipient(value);
    const byCode = code === null ? undefined : this.byCode.get(code);
    const byName = name === "" ? [] : this.matchName(name);
    if (byName.length > 1) return { kind: "ambiguous", text, candidates: byName };
    const named = byName[0];
    if (byCode !== undefined && named !== undefined && byCode !== named)
      return { kind: "ambiguous", text, candidates: [byCode, named] };
    const index = byCode ?? named;
    if (index !== undefined) return { kind: "matched", index };
    return { kind: "unknown", text, hints: name === "" ? [] : this.hints(name) };
  }

  private matchName(name: string): number[] {
    const strict = this.byStrict.get(strictName(name)) ?? [];
    if (strict.length > 0) return strict;
    return this.byLoose.get(looseName(name)) ?? [];
  }

  private hints(name: string): string[] {
    const typed = looseName(name);
    let best = hintLimit(typed) + 1;
    let names: string[] = [];
    this.looseNames.forEach((candidate, index) => {
      const distance = editDistance(typed, candidate);
      if (distance < best) {
        best = distance;
        names = [this.targets[index].name];
      } else if (distance === best) names.push(this.targets[index].name);
    });
    return names;
  }
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}
