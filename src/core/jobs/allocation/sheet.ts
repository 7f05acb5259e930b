/**
 * The allocation result as a plain, well-formatted sheet: title, the table a committee
 * paper needs (recipient, key, share, amount, reserves, a SUM total), a column explaining
 * the rounding beside it, and a block stating how the split was made.
 */
import type { AllocationResult, AllocationRow, AllocationRun } from "./allocation";
import type { YearRow } from "./last-year";
import { cellAddress } from "../../grid";
import { Decimal, formatNumber, sum } from "../../money";
import type { Lang } from "../../problems";
import {
  type SheetCell,
  type SheetModel,
  type StyleBlock,
  rectangular,
} from "../../sheets/sheet-model";

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
    recipient: "Mottagare",
    key: "Nyckel",
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
    lastYear: "Förra året (kr)",
    change: "Förändring (kr)",
    changePercent: "Förändring (%)",
    newThisYear: "Ny i år.",
    gone: "Fanns förra året, ingen fördelning i år.",
    lastYearFrom: "Förra årets belopp från",
    atFloor: (floor: string) => `Golv: får golvet ${floor} kr (nyckeln gav mindre).`,
    atCeiling: (ceiling: string) => `Tak: får taket ${ceiling} kr (nyckeln gav mer).`,
    baseAndKey: (base: string, key: string, weighted: boolean) =>
      `Grundbelopp ${base} kr + ${key} kr efter ${weighted ? "vägd nyckel" : "nyckel"}.`,
    byKeyOnly: (weighted: boolean) => `Efter ${weighted ? "vägd nyckel" : "nyckel"}.`,
    extraUnit: (unit: string) => ` +${unit} kr vid avrundningen (största rest).`,
    base: "Grundbelopp per mottagare",
    baseSum: "Grundbelopp sammanlagt",
    floor: "Golv per mottagare",
    ceiling: "Tak per mottagare",
    fromColumn: (header: string) => `kolumnen ${header}`,
    atFloorCount: "Mottagare på golvet",
    atCeilingCount: "Mottagare på taket",
    weights: "Vägda nycklar",
    shapedMethod:
      "Belopp = grundbelopp + t × nyckel, men aldrig under golvet eller över taket, med det t som ger exakt summan; resten i hela enheter efter största rest",
  },
  en: {
    title: "Allocation of state grant",
    recipient: "Recipient",
    key: "Key",
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
    lastYear: "Last year (SEK)",
    change: "Change (SEK)",
    changePercent: "Change (%)",
    newThisYear: "New this year.",
    gone: "There last year, nothing this year.",
    lastYearFrom: "Last year's amounts from",
    atFloor: (floor: string) => `Floor: gets the floor ${floor} SEK (the key gave less).`,
    atCeiling: (ceiling: string) => `Ceiling: gets the ceiling ${ceiling} SEK (the key gave more).`,
    baseAndKey: (base: string, key: string, weighted: boolean) =>
      `Base amount ${base} SEK + ${key} SEK by ${weighted ? "weighted key" : "key"}.`,
    byKeyOnly: (weighted: boolean) => `By ${weighted ? "weighted key" : "key"}.`,
    extraUnit: (unit: string) => ` +${unit} SEK in the rounding (largest remainder).`,
    base: "Base amount per recipient",
    baseSum: "Base amounts in all",
    floor: "Floor per recipient",
    ceiling: "Ceiling per recipient",
    fromColumn: (header: string) => `the column ${header}`,
    atFloorCount: "Recipients at the floor",
    atCeilingCount: "Recipients at the ceiling",
    weights: "Weighted keys",
    shapedMethod:
      "Amount = base + t × key, never below the floor or above the ceiling, with the t that gives the total exactly; the rest in whole units by largest remainder",
  },
} as const;

interface Columns {
  name: number;
  key: number;
  share: number;
  amount: number;
  /** Last year, change in kr and in %: only with last year's amounts. */
  lastYear: number | null;
  change: number | null;
  changePercent: number | null;
  gap: number;
  note: number;
  width: number;
}

function columnsFor(withLastYear: boolean): Columns {
  return withLastYear
    ? {
        name: 0,
        key: 1,
        share: 2,
        amount: 3,
        lastYear: 4,
        change: 5,
        changePercent: 6,
        gap: 7,
        note: 8,
        width: 9,
      }
    : {
        name: 0,
        key: 1,
        share: 2,
        amount: 3,
        lastYear: null,
        change: null,
        changePercent: null,
        gap: 4,
        note: 5,
        width: 6,
      };
}
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
  const note = shapeOrRoundingNote(row, result, lang);
  return row.lastYear?.status === "new" ? `${note} ${TEXT[lang].newThisYear}` : note;
}

/** Which shape set the amount (bound, base + key), or how the key's share was rounded. */
function shapeOrRoundingNote(row: AllocationRow, result: AllocationResult, lang: Lang): string {
  const t = TEXT[lang];
  if (!row.interested) return t.notInterested;
  if (row.shape) {
    const money = (v: Decimal) => formatNumber(v, lang);
    const extra = row.extraUnit ? t.extraUnit(formatNumber(result.unit, lang)) : "";
    if (row.shape.bound === "floor" && row.shape.floor) return t.atFloor(money(row.amount));
    if (row.shape.bound === "ceiling" && row.shape.ceiling) return t.atCeiling(money(row.amount));
    const weighted = !!row.shape.keys;
    const text = row.shape.base.isZero()
      ? t.byKeyOnly(weighted)
      : t.baseAndKey(money(row.shape.base), money(row.amount.minus(row.shape.base)), weighted);
    return text + extra;
  }
  if (row.rank === null) return t.exact;
  const rest = formatNumber(row.remainderFraction.toDecimalPlaces(4, Decimal.ROUND_DOWN), lang);
  return row.extraUnit
    ? t.extra(rest, row.rank, result.extraUnits, formatNumber(result.unit, lang))
    : t.noExtra(rest, row.rank, result.extraUnits);
}

const text = (value: string): SheetCell => ({ value });
const num = (value: Decimal): SheetCell => ({ value: value.toNumber() });
const empty = (): SheetCell => ({ value: null });

/** What the pane and the runner know beside the run: the rest is read off the run itself. */
export type RunSheetContext = Omit<AllocationSheetContext, "nameHeader" | "keyHeader">;

/**
 * The sheet for a run, as the pane and the runner both write it: the table's headers are the
 * source's own (a blank header gets the sheet's word for it), so the table reads like the input.
 */
export function allocationSheetForRun(run: AllocationRun, context: RunSheetContext): SheetModel {
  const { headers, nameColumn, keyColumn } = run.layout;
  const t = TEXT[context.lang];
  return allocationSheet(run.result, {
    ...context,
    nameHeader: headers[nameColumn] || t.recipient,
    keyHeader: headers[keyColumn] || t.key,
  });
}

export function allocationSheet(
  result: AllocationResult,
  context: AllocationSheetContext
): SheetModel {
  const t = TEXT[context.lang];
  const comparison = result.comparison;
  const COLUMNS = columnsFor(!!comparison);
  const WIDTH = COLUMNS.width;
  const at = (cells: [number | null, SheetCell][]): SheetCell[] => {
    const row: SheetCell[] = [];
    for (const [col, cell] of cells) if (col !== null) row[col] = cell;
    for (let c = 0; c < row.length; c++) row[c] = row[c] ?? empty();
    return row;
  };
  const rows: SheetCell[][] = [];
  rows[TITLE_ROW] = [text(allocationTitle(context.lang, context.grant, context.year))];
  rows[1] = [];
  rows[HEADER_ROW] = at([
    [COLUMNS.name, text(context.nameHeader)],
    [COLUMNS.key, text(context.keyHeader)],
    [COLUMNS.share, text(t.share)],
    [COLUMNS.amount, text(t.amount)],
    [COLUMNS.lastYear, text(t.lastYear)],
    [COLUMNS.change, text(t.change)],
    [COLUMNS.changePercent, text(t.changePercent)],
    [COLUMNS.note, text(t.note)],
  ]);

  const yearCells = (row: YearRow | undefined): [number | null, SheetCell][] =>
    row
      ? [
          [COLUMNS.lastYear, row.lastYear === null ? empty() : num(row.lastYear)],
          [COLUMNS.change, num(row.change)],
          [COLUMNS.changePercent, row.changeRatio === null ? empty() : num(row.changeRatio)],
        ]
      : [];
  const firstData = HEADER_ROW + 1;
  for (const row of result.rows) {
    rows.push(
      at([
        [COLUMNS.name, text(row.name)],
        [COLUMNS.key, num(row.key)],
        [COLUMNS.share, row.share === null ? empty() : num(row.share)],
        [COLUMNS.amount, num(row.amount)],
        ...yearCells(row.lastYear),
        [COLUMNS.note, text(roundingNote(row, result, context.lang))],
      ])
    );
  }
  const lastRecipient = rows.length - 1;
  const gone = comparison ? comparison.rows.filter((r) => r.status === "gone") : [];
  for (const row of gone)
    rows.push(
      at([[COLUMNS.name, text(row.name)], ...yearCells(row), [COLUMNS.note, text(t.gone)]])
    );
  const lastYearRow = rows.length - 1;
  for (const reserve of result.reserves) {
    rows.push(
      at([
        [COLUMNS.name, text(reserve.name)],
        [COLUMNS.amount, num(reserve.amount)],
        [COLUMNS.note, text(t.reserveNote)],
      ])
    );
  }
  if (!result.unallocated.isZero())
    rows.push(
      at([
        [COLUMNS.name, text(t.unallocated)],
        [COLUMNS.amount, num(result.unallocated)],
      ])
    );
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
  const yearTotals: [number | null, SheetCell][] = comparison
    ? [
        [
          COLUMNS.lastYear,
          {
            value: comparison.lastYearTotal.toNumber(),
            formula: `SUM(${column(COLUMNS.lastYear as number, firstData, lastYearRow)})`,
          },
        ],
        [
          COLUMNS.change,
          {
            value: comparison.change.toNumber(),
            formula: `SUM(${column(COLUMNS.change as number, firstData, lastYearRow)})`,
          },
        ],
        [
          COLUMNS.changePercent,
          comparison.changeRatio === null
            ? empty()
            : {
                value: comparison.changeRatio.toNumber(),
                formula: `${cellAddress(totalRow, COLUMNS.change as number)}/${cellAddress(
                  totalRow,
                  COLUMNS.lastYear as number
                )}`,
              },
        ],
      ]
    : [];
  rows.push(
    at([
      [COLUMNS.name, text(t.total)],
      [
        COLUMNS.key,
        {
          value: sum(keys).toNumber(),
          formula: `SUM(${column(COLUMNS.key, firstData, lastRecipient)})`,
        },
      ],
      [
        COLUMNS.share,
        {
          value: sum(shares).toNumber(),
          formula: `SUM(${column(COLUMNS.share, firstData, lastRecipient)})`,
        },
      ],
      [
        COLUMNS.amount,
        {
          value: sum(amounts).toNumber(),
          formula: `SUM(${column(COLUMNS.amount, firstData, lastAmount)})`,
        },
      ],
      ...yearTotals,
    ])
  );

  rows.push([]);
  const parametersRow = rows.length;
  rows.push([text(t.parameters)]);
  const potRow = rows.length;
  rows.push([text(t.pot), num(result.total)]);
  for (const reserve of result.reserves)
    rows.push([text(t.reserve(reserve.name)), num(reserve.amount)]);
  const applied = result.shapes;
  const source = (value: Decimal | null, header: string | null): SheetCell =>
    value !== null ? num(value) : text(t.fromColumn(header ?? ""));
  if (applied?.shapes.base) {
    rows.push([text(t.base), source(applied.shapes.base.value, applied.shapes.base.column)]);
    rows.push([text(t.baseSum), num(applied.bases)]);
  }
  rows.push([text(t.byKey), num(result.distributable.minus(applied?.bases ?? 0))]);
  const lastMoneyParameter = rows.length - 1;
  rows.push([text(t.unit), num(result.unit)]);
  const shapeRows: number[] = [];
  if (applied?.shapes.floor) {
    shapeRows.push(
      rows.push([text(t.floor), source(applied.shapes.floor.value, applied.shapes.floor.column)]) -
        1
    );
    rows.push([text(t.atFloorCount), { value: applied.atFloor }]);
  }
  if (applied?.shapes.ceiling) {
    shapeRows.push(
      rows.push([
        text(t.ceiling),
        source(applied.shapes.ceiling.value, applied.shapes.ceiling.column),
      ]) - 1
    );
    rows.push([text(t.atCeilingCount), { value: applied.atCeiling }]);
  }
  if (applied?.shapes.weighted) {
    const w = applied.shapes.weighted;
    const parts = w.headers.map(
      (header, j) => `${header} ${formatNumber(w.weights[j], context.lang)} %`
    );
    rows.push([text(t.weights), text(parts.join(", "))]);
  }
  rows.push([text(t.method), text(applied ? t.shapedMethod : t.methodText)]);
  rows.push([text(t.tie), text(t.tieText)]);
  rows.push([text(t.source), text(`${context.keyHeader} (${context.source})`)]);
  if (result.lastYearSource) rows.push([text(t.lastYearFrom), text(result.lastYearSource)]);
  rows.push([text(t.date), text(context.date)]);
  const checkRow = rows.length;
  rows.push([
    text(t.check),
    { value: 0, formula: `${cellAddress(totalRow, COLUMNS.amount)}-${cellAddress(potRow, 1)}` },
  ]);

  const amountFormat = moneyFormat(amounts.concat(result.total));
  const rightEdge = COLUMNS.changePercent ?? COLUMNS.amount;
  const styles: StyleBlock[] = [
    { top: TITLE_ROW, left: 0, bottom: TITLE_ROW, right: 0, bold: true, fontSize: 14 },
    {
      top: HEADER_ROW,
      left: 0,
      bottom: HEADER_ROW,
      right: rightEdge,
      bold: true,
      borderBottom: true,
      wrapText: true,
    },
    {
      top: HEADER_ROW,
      left: COLUMNS.key,
      bottom: HEADER_ROW,
      right: rightEdge,
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
      right: COLUMNS.change ?? COLUMNS.amount,
      numberFormat: amountFormat,
    },
    ...(COLUMNS.changePercent !== null
      ? [
          {
            top: firstData,
            left: COLUMNS.changePercent,
            bottom: totalRow,
            right: COLUMNS.changePercent,
            numberFormat: "0.0%",
          },
        ]
      : []),
    { top: firstData, left: COLUMNS.note, bottom: lastAmount, right: COLUMNS.note, italic: true },
    {
      top: totalRow,
      left: 0,
      bottom: totalRow,
      right: rightEdge,
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
    ...shapeRows.map((row) => ({
      top: row,
      left: 1,
      bottom: row,
      right: 1,
      numberFormat: amountFormat,
    })),
    { top: checkRow, left: 1, bottom: checkRow, right: 1, numberFormat: amountFormat },
  ];

  const cells = rectangular(
    rows.map((row) => row ?? []),
    WIDTH
  );
  return {
    name: ALLOCATION_SHEET_NAME[context.lang],
    cells,
    columnWidths: fitWidths(cells, parametersRow, COLUMNS),
    styles,
    table: { top: HEADER_ROW, left: 0, bottom: totalRow, right: rightEdge },
    print: { landscape: true, fitToPagesWide: 1 },
  };
}

/** Widths that fit the table; the long texts in the parameter block may overflow to the right. */
function fitWidths(cells: SheetCell[][], parametersRow: number, COLUMNS: Columns): number[] {
  const widths = Array.from({ length: COLUMNS.width }, () => 4);
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
