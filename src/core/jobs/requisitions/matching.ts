/**
 * Which recipient a requisition is from. A requisition names its recipient by code
 * ("0180", or 180 after a spreadsheet dropped the zero), by name, or both ("0180 Stockholm").
 *
 * Names are compared three times, each only when the one before finds nothing: strictly
 * (case, extra spaces and line breaks ignored), loosely (hyphens and dashes read as spaces
 * as well), and by their short forms: "Stockholms kommun", "Göteborgs Stad", "Malmö stad"
 * are Stockholm, Göteborg and Malmö ("X kommun", "Xs kommun", "X stad", "Xs stad"), and
 * "Region Gotland" is Gotland, the one municipality named as a region. å, ä and ö are
 * never folded: "Malung Salen" is not "Malung-Sälen". A code column beside the name is
 * used too. A requisition that could be two recipients (by two names, or a code and a name
 * that disagree) is never matched to either; one that matches none gets the closest name
 * by edit distance as a hint.
 */
import type { CellValue } from "../../grid";
import { isBlank } from "../../grid";
import { splitCodeName } from "../../table/code-name";
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

/**
 * A recipient cell split into its code and name parts ("0180 Stockholm", "Stockholm (0180)"),
 * by the rule every job uses for code and name in one cell (core/table/code-name).
 */
export function splitRecipient(value: CellValue): { code: string | null; name: string } {
  if (typeof value === "number") return { code: normaliseCode(value), name: "" };
  const text = cellText(value);
  if (/^\d+$/.test(text.replace(/\s+/g, ""))) return { code: normaliseCode(text), name: "" };
  const split = splitCodeName(text);
  if (split) return { code: normaliseCode(split.code), name: split.name };
  return { code: null, name: text };
}

/** The only municipality whose official name is a region's ("Region Gotland"); county regions are not. */
const REGION_MUNICIPALITIES = new Set(["gotland"]);

/**
 * The short forms a long form of a municipality's name stands for, loose and lower case:
 * "stockholms kommun" -> "stockholms", "stockholm"; "region gotland" -> "gotland". Empty
 * for a name that is no long form. Which one is meant is settled by the list: only a form
 * that is one recipient's name matches.
 */
export function shortForms(name: string): string[] {
  const loose = looseName(name);
  const long = /^(.*\S) (?:kommun|stad)$/.exec(loose);
  if (long) {
    const base = long[1];
    return base.endsWith("s") && base.length > 1 ? [base, base.slice(0, -1)] : [base];
  }
  const region = /^region (.+)$/.exec(loose);
  return region && REGION_MUNICIPALITIES.has(region[1]) ? [region[1]] : [];
}

/** Closest names allowed as hints: at most a third of the typed length away (at least 2). */
function hintLimit(text: string): number {
  return Math.max(2, Math.floor(Array.from(text).length / 3));
}

export class RecipientIndex {
  private readonly byCode = new Map<string, number>();
  private readonly byStrict = new Map<string, number[]>();
  private readonly byLoose = new Map<string, number[]>();
  /** Each recipient's loose name and its short forms. */
  private readonly byShort = new Map<string, number[]>();
  /** Per recipient: the names a hint may show it by (loose, with short forms). */
  private readonly hintNames: string[][];

  constructor(private readonly targets: readonly MatchTarget[]) {
    this.hintNames = targets.map(() => []);
    targets.forEach((target, index) => {
      // A list without a code column may still carry codes in its names ("0180 Stockholm").
      const split = splitCodeName(target.name);
      const code = target.code ?? (split ? normaliseCode(split.code) : null);
      if (code !== null && !this.byCode.has(code)) this.byCode.set(code, index);
      for (const name of split ? [target.name, split.name] : [target.name]) {
        push(this.byStrict, strictName(name), index);
        push(this.byLoose, looseName(name), index);
        for (const form of [looseName(name), ...shortForms(name)]) {
          push(this.byShort, form, index);
          this.hintNames[index].push(form);
        }
      }
    });
  }

  /**
   * The recipient of a requisition cell, with the cell of a code column beside it when the
   * list has one: the cell read as a name, else as code and name; every way that finds a
   * recipient must find the same one.
   */
  match(value: CellValue, codeValue: CellValue = null): Match {
    const text = cellText(value === null || value === undefined ? "" : String(value));
    const codeText = isBlank(codeValue) ? "" : cellText(String(codeValue));
    if (text === "" && codeText === "") return { kind: "empty" };
    const shown = text === "" ? codeText : text;
    const found: number[] = [];
    let name = text;
    let byName = text === "" ? [] : this.matchName(text);
    if (byName.length === 0 && text !== "") {
      const split = splitRecipient(value);
      name = split.name;
      byName = name === "" ? [] : this.matchName(name);
      // A cell that is no name may be a code alone ("P77", "S-12").
      found.push(...this.codeMatch(split.code ?? normaliseCode(value)));
    }
    if (byName.length > 1) return { kind: "ambiguous", text: shown, candidates: byName };
    found.push(...byName);
    if (codeText !== "") found.push(...this.codeMatch(normaliseCode(codeValue)));
    const distinct = [...new Set(found)].sort((a, b) => a - b);
    if (distinct.length > 1) return { kind: "ambiguous", text: shown, candidates: distinct };
    if (distinct.length === 1) return { kind: "matched", index: distinct[0] };
    return { kind: "unknown", text: shown, hints: name === "" ? [] : this.hints(name) };
  }

  private codeMatch(code: string | null): number[] {
    const index = code === null ? undefined : this.byCode.get(code);
    return index === undefined ? [] : [index];
  }

  private matchName(name: string): number[] {
    const strict = this.byStrict.get(strictName(name)) ?? [];
    if (strict.length > 0) return unique(strict);
    const loose = this.byLoose.get(looseName(name)) ?? [];
    if (loose.length > 0) return unique(loose);
    const short = shortForms(name).flatMap((form) => this.byShort.get(form) ?? []);
    const byShort = [looseName(name)].flatMap((form) => this.byShort.get(form) ?? []);
    return unique([...short, ...byShort]);
  }

  private hints(name: string): string[] {
    let best = Infinity;
    let found: number[] = [];
    for (const typed of [looseName(name), ...shortForms(name)]) {
      const limit = hintLimit(typed);
      this.hintNames.forEach((candidates, index) => {
        for (const candidate of candidates) {
          const distance = editDistance(typed, candidate);
          if (distance > limit || distance > best) continue;
          if (distance < best) {
            best = distance;
            found = [];
          }
          if (!found.includes(index)) found.push(index);
        }
      });
    }
    return found.map((index) => this.targets[index].name);
  }
}

function unique(indexes: readonly number[]): number[] {
  return [...new Set(indexes)].sort((a, b) => a - b);
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}
