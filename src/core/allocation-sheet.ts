/**
 * The allocation result as a plain, well-formatted sheet: title, the table a committee
 * paper needs (recipient, key, share, amount, reserves, a SUM total), a column explaining
 * the rounding beside it, and a block stating how the split was made.
 */
import type { AllocationResult, AllocationRow } from "./allocation";
import { cellAddress } from "./grid";
import { Decimal, formatNumber, sum } from "./money";
import type { Lang } from "./problems";
import { type SheetCell, type SheetModel, type StyleBlock, rectangular } from "./sheet-model";

export interface AllocationSheetContext {
  lang: Lang;
  /** ISO date of the run, e.g. "2026-11-25". */
  date: string;
  /** Header texts of the source columns, reused so the table reads like the input. */
  nameHeader: string;
  keyHeader: string;
  /** Where the recipients were read, e.g. "Blad1!A3:D14". */
  source: string;
  /** The grant's name and year when the user gave them ("Hälsosamtal för äldre", "2026"): in the title. */
  grant?: string;
  year?: string;
}

/** "Fördelning av statsbidrag: Hälsosamtal för äldre 2026", or the plain title without them. */
export function allocationTitle(lang: Lang, grant?: string, year?: string): string {
  const named = [grant?.trim(), year?.trim()].filter((part) => part).join(" ");
  return named ? `${TEXT[lang].title}: ${named}` : TEXT[lang].title;
}

export const ALLOCATION_SHEET_NAME: Record<Lang, string> = { sv: "Fördelning", en: "Allocation" };

const TEXT = {
  sv: {
    title: "Fördelning av statsbidrag",
    share: "Andel",
    amount: "Belopp (kr)",
    note: "Avrundning",
    total: "Summa",
    unallocated: "Ej fördelat (mindre än en avrundningsenhet)",
    reserveNote: "Avsatt före fördelningen",
    parameters: "Underlag för fördelningen",
    pot: "Belopp att fördela",
    reserve: (name: string) => `Avsättning: ${name}`,
    byKey: "Fördelat efter nyckel",
    unit: "Avrundningsenhet (kr)",
    method: "Metod",
    methodText: "Största rest (Hamilton), avrundat till hela enheter",
    tie: "Vid lika rest",
    tieText:
      "större nyckel först; är även den lika avgör namnet, jämfört tecken för tecken efter teckenkod (versaler före gemener, ä före å)",
    source: "Nyckel från",
    date: "Datum",
    check: "Kontroll: summa minus belopp att fördela",
    notInterested: "Ej intresserad: ingen andel.",
    exact: "Exakt andel, ingen avrundning.",
    extra: (rest: string, rank: number, of: number, unit: string) =>
      `+${unit} kr: resten ${rest} är nr ${rank} av ${of} utdelade extra enheter.`,
    noExtra: (rest: string, rank: number, of: number) =>
      `Avrundad nedåt: resten ${rest} är nr ${rank}; bara ${of} extra enheter fanns.`,
  },
  en: {
    title: "Allocation of state grant",
    share: "Share",
    amount: "Amount (SEK)",
    note: "Rounding",
    total: "Total",
    unallocated: "Not allocated (less than one rounding unit)",
    reserveNote: "Set aside before the split",
    parameters: "Basis of the allocation",
    pot: "Amount to allocate",
    reserve: (name: string) => `Reserve: ${name}`,
    byKey: "Allocated by key",
    unit: "Rounding unit (SEK)",
    method: "Method",
    methodText: "Largest remainder (Hamilton), in whole units",
    tie: "Equal remainders",
    tieText:
      "larger key first; if that is equal too, the name decides, compared character by character by character code (capitals before small letters)",
    source: "Key from",
    date: "Date",
    check: "Check: total minus amount to allocate",
    notInterested: "Not interested: no share.",
    exact: "Exact share, no rounding.",
    extra: (rest: string, rank: number, of: number, unit: string) =>
      `+${unit} SEK: remainder ${rest} is no. ${rank} of ${of} extra units handed out.`,
    noExtra: (rest: string, rank: number, of: number) =>
      `Rounded down: remainder ${rest} is no. ${rank}; only ${of} extra units were left.`,
  },
} as const;

const COLUMNS = { name: 0, key: 1, share: 2, amount: 3, gap: 4, note: 5 } as const;
const WIDTH = 6;
const TITLE_ROW = 0;
const HEADER_ROW = 2;

function moneyFormat(values: Decimal[]): string {
  return values.some((v) => !v.isInteger()) ? "#,##0.00" : "#,##0";
}

function keyFormat(keys: Decimal[]): string {
  const decimals = Math.min(4, Math.max(0, ...keys.map((k) => k.decimalPlaces())));
  return decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}`;
}

function roundingNote(row: AllocationRow, result: AllocationResult, lang: Lang): string {
  const t = TEXT[lang];
  if (!row.interested) return t.notInterested;
  if (row.rank === null) return t.exact;
  const rest = formatNumber(row.remainderFraction.toDecimalPlaces(4, Decimal.ROUND_DOWN), lang);
  return row.extraUnit
    ? t.extra(rest, row.rank, result.extraUnits, formatNumber(result.unit, lang))
    : t.noExtra(rest, row.rank, result.extraUnits);
}

const text = (value: string): SheetCell => ({ value });
const num = (value: Decimal): SheetCell => ({ value: value.toNumber() });
const empty = (): SheetCell => ({ value: null });

export function allocationSheet(
  result: AllocationResult,
  context: AllocationSheetContext
): SheetModel {
  const t = TEXT[context.lang];
  const rows: SheetCell[][] = [];
  rows[TITLE_ROW] = [text(allocationTitle(context.lang, context.grant, context.year))];
  rows[1] = [];
  rows[HEADER_ROW] = [
    text(context.nameHeader),
    text(context.keyHeader),
    text(t.share),
    text(t.amount),
    empty(),
    text(t.note),
  ];

  const firstData = HEADER_ROW + 1;
  for (const row of result.rows) {
    rows.push([
      text(row.name),
      num(row.key),
      row.share === null ? empty() : num(row.share),
      num(row.amount),
      empty(),
      text(roundingNote(row, result, context.lang)),
    ]);
  }
  const lastRecipient = rows.length - 1;
  for (const reserve of result.reserves) {
    rows.push([
      text(reserve.name),
      empty(),
      empty(),
      num(reserve.amount),
      empty(),
      text(t.reserveNote),
    ]);
  }
  if (!result.unallocated.isZero())
    rows.push([text(t.unallocated), empty(), empty(), num(result.unallocated)]);
  const lastAmount = rows.length - 1;

  const totalRow = rows.length;
  const column = (col: number, from: number, to: number) =>
    `${cellAddress(from, col)}:${cellAddress(to, col)}`;
  const keys = result.rows.map((r) => r.key);
  const shares = result.rows.flatMap((r) => (r.share === null ? [] : [r.share]));
  const amounts = [
    ...result.rows.map((r) => r.amount),
    ...result.reserves.map((r) => r.amount),
    result.unallocated,
  ];
  rows.push([
    text(t.total),
    {
      value: sum(keys).toNumber(),
      formula: `SUM(${column(COLUMNS.key, firstData, lastRecipient)})`,
    },
    {
      value: sum(shares).toNumber(),
      formula: `SUM(${column(COLUMNS.share, firstData, lastRecipient)})`,
    },
    {
      value: sum(amounts).toNumber(),
      formula: `SUM(${column(COLUMNS.amount, firstData, lastAmount)})`,
    },
  ]);

  rows.push([]);
  const parametersRow = rows.length;
  rows.push([text(t.parameters)]);
  const potRow = rows.length;
  rows.push([text(t.pot), num(result.total)]);
  for (const reserve of result.reserves)
    rows.push([text(t.reserve(reserve.name)), num(reserve.amount)]);
  rows.push([text(t.byKey), num(result.distributable)]);
  const lastMoneyParameter = rows.length - 1;
  rows.push([text(t.unit), num(result.unit)]);
  rows.push([text(t.method), text(t.methodText)]);
  rows.push([text(t.tie), text(t.tieText)]);
  rows.push([text(t.source), text(`${context.keyHeader} (${context.source})`)]);
  rows.push([text(t.date), text(context.date)]);
  const checkRow = rows.length;
  rows.push([
    text(t.check),
    { value: 0, formula: `${cellAddress(totalRow, COLUMNS.amount)}-${cellAddress(potRow, 1)}` },
  ]);

  const amountFormat = moneyFormat(amounts.concat(result.total));
  const styles: StyleBlock[] = [
    { top: TITLE_ROW, left: 0, bottom: TITLE_ROW, right: 0, bold: true, fontSize: 14 },
    {
      top: HEADER_ROW,
      left: 0,
      bottom: HEADER_ROW,
      right: COLUMNS.amount,
      bold: true,
      borderBottom: true,
      wrapText: true,
    },
    {
      top: HEADER_ROW,
      left: COLUMNS.key,
      bottom: HEADER_ROW,
      right: COLUMNS.amount,
      horizontalAlignment: "Right",
    },
    { top: HEADER_ROW, left: COLUMNS.note, bottom: HEADER_ROW, right: COLUMNS.note, bold: true },
    {
      top: firstData,
      left: COLUMNS.key,
      bottom: totalRow,
      right: COLUMNS.key,
      numberFormat: keyFormat(keys),
    },
    {
      top: firstData,
      left: COLUMNS.share,
      bottom: totalRow,
      right: COLUMNS.share,
      numberFormat: "0.00%",
    },
    {
      top: firstData,
      left: COLUMNS.amount,
      bottom: totalRow,
      right: COLUMNS.amount,
      numberFormat: amountFormat,
    },
    { top: firstData, left: COLUMNS.note, bottom: lastAmount, right: COLUMNS.note, italic: true },
    {
      top: totalRow,
      left: 0,
      bottom: totalRow,
      right: COLUMNS.amount,
      bold: true,
      borderTop: true,
    },
    { top: parametersRow, left: 0, bottom: parametersRow, right: 0, bold: true },
    { top: potRow, left: 1, bottom: lastMoneyParameter, right: 1, numberFormat: amountFormat },
    {
      top: lastMoneyParameter + 1,
      left: 1,
      bottom: lastMoneyParameter + 1,
      right: 1,
      // "#,##0.##" would show a whole unit with a trailing separator ("1,").
      numberFormat: result.unit.isInteger() ? "#,##0" : "#,##0.00",
    },
    { top: checkRow, left: 1, bottom: checkRow, right: 1, numberFormat: amountFormat },
  ];

  const cells = rectangular(
    rows.map((row) => row ?? []),
    WIDTH
  );
  return {
    name: ALLOCATION_SHEET_NAME[context.lang],
    cells,
    columnWidths: fitWidths(cells, parametersRow),
    styles,
    table: { top: HEADER_ROW, left: 0, bottom: totalRow, right: COLUMNS.amount },
    print: { landscape: true, fitToPagesWide: 1 },
  };
}

/** Widths that fit the table; the long texts in the parameter block may overflow to the right. */
function fitWidths(cells: SheetCell[][], parametersRow: number): number[] {
  const widths = Array.from({ length: WIDTH }, () => 4);
  cells.forEach((row, r) => {
    if (r === TITLE_ROW) return;
    row.forEach((cell, c) => {
      if (cell.value === null) return;
      if (r > parametersRow && c === 1 && typeof cell.value === "string") return;
      const limit = c === COLUMNS.note ? 70 : r === HEADER_ROW ? 24 : 50;
      widths[c] = Math.max(widths[c], Math.min(limit, shownLength(cell.value) + 2));
    });
  });
  widths[COLUMNS.gap] = 2;
  // "100.00%" in the total row is the widest share.
  widths[COLUMNS.share] = Math.max(widths[COLUMNS.share], 9);
  return widths;
}

/** Characters a value takes when shown with thousands separators (and two decimals if any). */
function shownLength(value: string | number): number {
  if (typeof value === "string") return value.length;
  const digits = Math.trunc(Math.abs(value)).toString().length;
  return (
    digits + Math.floor((digits - 1) / 3) + (Number.isInteger(value) ? 0 : 3) + (value < 0 ? 1 : 0)
  );
}
