/**
 * Which report-back category an account's cost belongs to, and which words mark a cost
 * the grant may not pay for. Both are kept on an editable sheet ("Kontoindelning"), written
 * once from the defaults and read on every later run, so a municipality can adapt them to
 * its own chart of accounts.
 *
 * Defaults from the Kommun-Bas groups (DESIGN.md): personnel = 5x; premises = 60–62;
 * purchased services = 46, 74, 75; other = the rest of classes 4, 6 and 7. Class 3 is
 * income, shown apart and never netted. Classes 1–2 (balance sheet) and 8–9 (financial and
 * closing items) are "not a cost": a row on them is flagged invalid, and counted as "other"
 * only if the user accepts it. An account no rule covers is flagged the same way.
 *
 * A rule is an account prefix ("5", "46", "5810") or a range of prefixes with the same
 * number of digits ("60–62"). The rule with the most digits that covers an account wins,
 * so "5810 Övrigt" overrides "5 Personal" for 5810xx; two rules of the same length may not
 * overlap.
 */
import { type CellValue, type Grid, cellRef, isBlank, gridRangeRef } from "../../grid";
import type { Lang, Localised, Problem } from "../../problems";
import { type SheetModel } from "../../sheets/sheet-model";
import { SheetBuilder, empty, num, text } from "../../sheets/builder";
import { normaliseHeader } from "../../table/columns";

export type Category = "personnel" | "premises" | "services" | "other";
export const CATEGORIES: readonly Category[] = ["personnel", "premises", "services", "other"];
/** What a rule can map an account to: a cost category, income, or not a cost. */
export type AccountClass = Category | "income" | "none";

export const CLASS_LABELS: Record<AccountClass, Localised> = {
  personnel: { sv: "Personal", en: "Personnel" },
  premises: { sv: "Lokaler", en: "Premises" },
  services: { sv: "Köpta tjänster", en: "Purchased services" },
  other: { sv: "Övrigt", en: "Other" },
  income: { sv: "Intäkt", en: "Income" },
  none: { sv: "Ej kostnad", en: "Not a cost" },
};

/** Names a user may type in the category column (either language, a few common variants). */
const CLASS_WORDS: Record<string, AccountClass> = {
  personal: "personnel",
  personalkostnader: "personnel",
  personnel: "personnel",
  staff: "personnel",
  lokaler: "premises",
  lokal: "premises",
  lokalkostnader: "premises",
  premises: "premises",
  "köpta tjänster": "services",
  "köpt tjänst": "services",
  tjänster: "services",
  "purchased services": "services",
  services: "services",
  övrigt: "other",
  övriga: "other",
  "övriga kostnader": "other",
  other: "other",
  intäkt: "income",
  intäkter: "income",
  income: "income",
  "ej kostnad": "none",
  "inte kostnad": "none",
  "not a cost": "none",
  none: "none",
};

export function parseCategory(value: CellValue | undefined): AccountClass | null {
  return CLASS_WORDS[normaliseHeader(value)] ?? null;
}

export interface AccountRule {
  /** Prefix digits, "60"; `to` has as many digits ("62"), equal to `from` for a single prefix. */
  from: string;
  to: string;
  category: AccountClass;
  description: string;
  /** Where the rule was read ("Kontoindelning!A7"); absent for the built-in defaults. */
  cell?: string;
}

export interface AccountMapping {
  /** Longest prefixes first: the first rule that covers an account is the one that applies. */
  rules: AccountRule[];
}

export function ruleText(rule: Pick<AccountRule, "from" | "to">): string {
  return rule.from === rule.to ? rule.from : `${rule.from}\u2013${rule.to}`;
}

function sortRules(rules: AccountRule[]): AccountRule[] {
  return [...rules].sort((a, b) => b.from.length - a.from.length || (a.from < b.from ? -1 : 1));
}

const DEFAULT_RULES: readonly [string, string, AccountClass, Localised][] = [
  [
    "1",
    "2",
    "none",
    {
      sv: "Balansräkningens konton (tillgångar, skulder, eget kapital)",
      en: "Balance sheet accounts (assets, liabilities, equity)",
    },
  ],
  [
    "3",
    "3",
    "income",
    {
      sv: "Intäkter, t.ex. bidraget när det bokförs: visas separat",
      en: "Income, e.g. the grant as booked: shown apart",
    },
  ],
  [
    "4",
    "4",
    "other",
    {
      sv: "Material och inventarier (40–41), lämnade bidrag (45) m.m.",
      en: "Fixed assets and materials (40–41), grants paid out (45) etc.",
    },
  ],
  [
    "46",
    "46",
    "services",
    {
      sv: "Köp av huvudverksamhet (köpt vård och omsorg)",
      en: "Purchase of main activity (bought-in care)",
    },
  ],
  [
    "5",
    "5",
    "personnel",
    {
      sv: "Löner (50–51), ersättningar och förmåner (53–55), sociala avgifter (56), pensioner (57)",
      en: "Wages (50–51), remuneration and benefits (53–55), social fees (56), pensions (57)",
    },
  ],
  [
    "6",
    "6",
    "other",
    {
      sv: "Hyra/leasing (63), förbrukning (64), kontorsmaterial (65), reparationer (66), tele/IT/post (68), fordon (69)",
      en: "Hire/leasing (63), consumables (64), office material (65), repairs (66), telecom/IT/postage (68), vehicles (69)",
    },
  ],
  [
    "60",
    "62",
    "premises",
    {
      sv: "Lokal- och markhyror (60), fastighetskostnader (61), bränsle och energi (62)",
      en: "Premises and land rent (60), property costs (61), fuel and energy (62)",
    },
  ],
  [
    "7",
    "7",
    "other",
    {
      sv: "Resor (70), representation (71), annonser (72), försäkringar (73), diverse (76), förluster (78), avskrivningar (79)",
      en: "Travel (70), representation (71), adverts (72), insurance (73), sundry (76), losses (78), depreciation (79)",
    },
  ],
  [
    "74",
    "75",
    "services",
    {
      sv: "Övriga köpta tjänster, t.ex. konsulter (74), inhyrd personal (75)",
      en: "Other bought services, e.g. consultants (74), temporary staff hired in (75)",
    },
  ],
  [
    "8",
    "9",
    "none",
    {
      sv: "Finansiella poster (8) och interna/avslutande poster (9)",
      en: "Financial items (8) and internal/closing items (9)",
    },
  ],
];

export function defaultMapping(lang: Lang = "sv"): AccountMapping {
  return {
    rules: sortRules(
      DEFAULT_RULES.map(([from, to, category, description]) => ({
        from,
        to,
        category,
        description: description[lang],
      }))
    ),
  };
}

/** Words (stems) of costs the grant may not pay for: "aktivitet" also finds aktiviteter, sommaraktiviteten. */
export const DEFAULT_WORDS: readonly string[] = ["aktivitet", "utflykt", "evenemang"];

/** The rule that covers an account, or null. */
export function classifyAccount(mapping: AccountMapping, account: string): AccountRule | null {
  for (const rule of mapping.rules) {
    const length = rule.from.length;
    if (account.length < length) continue;
    const prefix = account.slice(0, length);
    if (prefix >= rule.from && prefix <= rule.to) return rule;
  }
  return null;
}

/** Looks each distinct account up once: a ledger repeats a few dozen accounts many times. */
export function accountClassifier(
  mapping: AccountMapping
): (account: string) => AccountRule | null {
  const cache = new Map<string, AccountRule | null>();
  return (account) => {
    let rule = cache.get(account);
    if (rule === undefined) {
      rule = classifyAccount(mapping, account);
      cache.set(account, rule);
    }
    return rule;
  };
}

/** Lower case, one form of å/ä/ö: how texts and words are compared. */
export function normaliseWord(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** The first listed word found inside the text (as part of any word), or null. */
export function disallowedWord(text: string, words: readonly string[]): string | null {
  if (text === "" || words.length === 0) return null;
  const haystack = normaliseWord(text);
  for (const word of words) if (haystack.includes(word)) return word;
  return null;
}

// ---------------------------------------------------------------------------------------
// The "Kontoindelning" sheet: written once, read on every run.

export const ACCOUNTS_SHEET_NAME: Record<Lang, string> = {
  sv: "Kontoindelning",
  en: "Account mapping",
};

const TEXT = {
  sv: {
    title: "Kontoindelning för återrapportering",
    help:
      "Ändra kategori eller lägg till rader för egna konton. Regeln med flest siffror som passar ett konto gäller (5810 går före 5). " +
      "Kategorier: Personal, Lokaler, Köpta tjänster, Övrigt, Intäkt (visas separat), Ej kostnad.",
    account: "Konto eller intervall",
    category: "Kategori",
    description: "Beskrivning",
    words: "Ord som bidraget inte får betala",
    wordsNote: "Kommentar",
    wordsHelp:
      "Del av ord räcker: 'aktivitet' hittar också aktiviteter och sommaraktiviteten. Raderna flaggas för kontroll.",
  },
  en: {
    title: "Account mapping for the report-back",
    help:
      "Change a category or add rows for your own accounts. The rule with the most digits that covers an account applies (5810 before 5). " +
      "Categories: Personnel, Premises, Purchased services, Other, Income (shown apart), Not a cost.",
    account: "Account or range",
    category: "Category",
    description: "Description",
    words: "Words the grant may not pay for",
    wordsNote: "Comment",
    wordsHelp:
      "Part of a word matches: 'aktivitet' also finds aktiviteter and sommaraktiviteten. The rows are flagged for a check.",
  },
} as const;

/** The mapping and the word list as an editable sheet (owned job "accounts"). */
export function accountsSheet(
  mapping: AccountMapping,
  words: readonly string[],
  lang: Lang
): SheetModel {
  const t = TEXT[lang];
  const b = new SheetBuilder(3);
  b.title(t.title, t.help);
  b.blank();
  const header = b.header([t.account, t.category, t.description]);
  // Shown in account order, as a chart of accounts reads.
  const ordered = [...mapping.rules].sort((x, y) =>
    x.from < y.from ? -1 : x.from > y.from ? 1 : 0
  );
  for (const rule of ordered) {
    // A single prefix is a number (no "number stored as text" marks); a range is text.
    const account =
      rule.from === rule.to && !rule.from.startsWith("0")
        ? num(Number(rule.from))
        : text(ruleText(rule));
    b.add([account, text(CLASS_LABELS[rule.category][lang]), text(rule.description)]);
  }
  const lastRule = b.next - 1;
  b.blank();
  b.header([t.words, t.wordsNote]);
  words.forEach((word, i) => b.add([text(word), i === 0 ? text(t.wordsHelp) : empty()]));
  return b.build(
    ACCOUNTS_SHEET_NAME[lang],
    { top: header, left: 0, bottom: lastRule, right: 2 },
    { skipRows: [0, 1], max: { 2: 90 }, min: { 0: 22, 1: 16 } }
  );
}

export interface MappingReading {
  mapping: AccountMapping;
  /** Null when the sheet has no word block (then the defaults apply). */
  words: string[] | null;
  problems: Problem[];
}

const ACCOUNT_HEADERS = ["konto", "konton", "account", "accounts"];
const CATEGORY_HEADERS = ["kategori", "category"];
const WORD_HEADERS = ["ord som", "words"];

function startsWithAny(text: string, words: readonly string[]): boolean {
  return words.some((w) => text === w || text.startsWith(`${w} `));
}

const RANGE = /^(\d{1,12})\s*[-\u2013\u2014]\s*(\d{1,12})$/;

function parseAccountSpec(value: CellValue): { from: string; to: string } | null {
  if (typeof value === "number")
    return Number.isInteger(value) && value >= 0
      ? { from: String(value), to: String(value) }
      : null;
  if (typeof value !== "string") return null;
  const spec = value.trim();
  if (/^\d{1,12}$/.test(spec)) return { from: spec, to: spec };
  const m = RANGE.exec(spec);
  if (!m || m[1].length !== m[2].length || m[1] > m[2]) return null;
  return { from: m[1], to: m[2] };
}

function shown(value: CellValue | undefined): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

/**
 * Reads a user-edited mapping sheet: the account block under its header ("Konto eller
 * intervall" / "Kategori"), and the word block under "Ord som bidraget inte får betala".
 * Headers are found by their text, so rows may be added, moved and columns reordered.
 */
export function readMapping(grid: Grid): MappingReading {
  const problems: Problem[] = [];
  const norm = grid.values.map((row) => row.map((v) => normaliseHeader(v)));
  let headerRow = -1;
  let accountCol = -1;
  let categoryCol = -1;
  let descriptionCol = -1;
  for (let r = 0; r < norm.length && headerRow < 0; r++) {
    const a = norm[r].findIndex((h) => startsWithAny(h, ACCOUNT_HEADERS));
    const c = norm[r].findIndex((h) => startsWithAny(h, CATEGORY_HEADERS));
    if (a >= 0 && c >= 0) {
      headerRow = r;
      accountCol = a;
      categoryCol = c;
      descriptionCol = norm[r].findIndex((h, i) => h !== "" && i !== a && i !== c);
    }
  }
  if (headerRow < 0) {
    return {
      mapping: { rules: [] },
      words: null,
      problems: [
        { code: "MAPPING_HEADER_MISSING", field: "mapping", params: { range: gridRangeRef(grid) } },
      ],
    };
  }
  let wordsRow = -1;
  let wordsCol = -1;
  for (let r = headerRow + 1; r < norm.length && wordsRow < 0; r++) {
    const w = norm[r].findIndex((h) => startsWithAny(h, WORD_HEADERS));
    if (w >= 0) [wordsRow, wordsCol] = [r, w];
  }

  const ref = (r: number, c: number) => cellRef(grid.sheet, grid.top + r, grid.left + c);
  const rules: AccountRule[] = [];
  const end = wordsRow < 0 ? grid.values.length : wordsRow;
  for (let r = headerRow + 1; r < end; r++) {
    const row = grid.values[r];
    const accountValue = row[accountCol] ?? null;
    const categoryValue = row[categoryCol] ?? null;
    if (isBlank(accountValue) && isBlank(categoryValue)) continue;
    const spec = parseAccountSpec(accountValue);
    const category = parseCategory(categoryValue);
    if (!spec)
      problems.push({
        code: "MAPPING_BAD_ACCOUNT",
        cell: ref(r, accountCol),
        params: { text: shown(accountValue) },
      });
    if (!category) {
      problems.push({
        code: "MAPPING_BAD_CATEGORY",
        cell: ref(r, categoryCol),
        params: {
          text: shown(categoryValue),
          allowed: {
            sv: Object.values(CLASS_LABELS)
              .map((l) => l.sv)
              .join(", "),
            en: Object.values(CLASS_LABELS)
              .map((l) => l.en)
              .join(", "),
          },
        },
      });
    }
    if (spec && category)
      rules.push({
        ...spec,
        category,
        description: descriptionCol < 0 ? "" : shown(row[descriptionCol]),
        cell: ref(r, accountCol),
      });
  }
  if (rules.length === 0 && problems.length === 0)
    problems.push({
      code: "MAPPING_EMPTY",
      field: "mapping",
      params: { range: gridRangeRef(grid) },
    });

  // Two rules of the same length that share a prefix would make the result depend on row order.
  const sorted = sortRules(rules);
  for (let i = 1; i < sorted.length; i++) {
    const [previous, rule] = [sorted[i - 1], sorted[i]];
    if (previous.from.length === rule.from.length && rule.from <= previous.to)
      problems.push({
        code: "MAPPING_OVERLAP",
        cell: rule.cell,
        params: { text: ruleText(rule), other: ruleText(previous), otherCell: previous.cell ?? "" },
      });
  }

  let words: string[] | null = null;
  if (wordsRow >= 0) {
    words = [];
    for (let r = wordsRow + 1; r < grid.values.length; r++) {
      const word = normaliseWord(shown(grid.values[r][wordsCol]));
      if (word !== "" && !words.includes(word)) words.push(word);
    }
  }
  return { mapping: { rules: sorted }, words, problems };
}
