/**
 * The shapes real allocation decisions take, on top of "the pot by one key":
 * - a base amount per participating recipient (one amount for all, or a column), the rest
 *   by key;
 * - floors and ceilings on each recipient's amount (one amount, or a column): amount =
 *   clamp(t × key, floor, ceiling) for the one t at which the amounts add up to what is
 *   distributed (apportion/bounded.ts);
 * - weighted keys: two or more key columns, each with a weight in percent, the weights
 *   adding up to exactly 100; recipient i's combined key is Σ_j p_j/100 × k_ij / Σ_i k_ij,
 *   computed as an exact fraction over BigInt and apportioned on integers (no float).
 *
 * With a base amount, the floors and ceilings bound the whole amount (base + key part):
 * the key part is bounded by max(0, floor − base) and ceiling − base.
 *
 * Everything is in whole rounding units: a base, floor or ceiling that is not a multiple of
 * the unit is refused, so a recipient at a bound gets exactly the bound.
 */
import { distributeBounded, type Bound, InfeasibleBounds } from "../../apportion/bounded";
import { decimalWeights } from "../../apportion/decimal";
import { toBigWeights } from "../../apportion/largest-remainder";
import { type Grid, gridCellRef, parseReference } from "../../grid";
import { Decimal, ZERO, formatKronor, formatNumber, sum } from "../../money";
import { parseAmountInput, parseNumberCell, parseNumberText } from "../../parse";
import { InputError, type Localised, type Problem, ProblemList } from "../../problems";
import { ambiguousColumn, gridWidth, headerRowRef, matchColumn } from "../../table/columns";

/** One amount for every recipient, or the header of a column with one per recipient. */
export type AmountSource = { value: string | number } | { column: string };

/** The shapes as the pane or the command line gives them, before validation. */
export interface ShapeRequest {
  base?: AmountSource;
  floor?: AmountSource;
  ceiling?: AmountSource;
  /** Two or more key columns with their weights in percent (adding up to 100). */
  weightedKeys?: { column: string; weight: string | number }[];
}

/** A validated per-recipient amount: where it came from, and the amount of each recipient. */
export interface PerRecipientAmount {
  /** The amount typed (one for all), or null when read from a column. */
  value: Decimal | null;
  /** The column's header when read from one. */
  column: string | null;
  /** One per recipient, in the order of the recipients given. */
  amounts: Decimal[];
}

export interface WeightedKeys {
  headers: string[];
  /** Percent, adding up to exactly 100. */
  weights: Decimal[];
  /** keys[j][i]: recipient i's value in key column j. */
  keys: Decimal[][];
}

export interface Shapes {
  base: PerRecipientAmount | null;
  floor: PerRecipientAmount | null;
  ceiling: PerRecipientAmount | null;
  weighted: WeightedKeys | null;
}

/** The recipients as shapes need them: a name, and the cell that locates its row. */
export interface ShapeRecipient {
  name: string;
  nameCell: string;
}

export type ShapeWhat = "base" | "floor" | "ceiling";

const WHAT: Record<ShapeWhat, Localised> = {
  base: { sv: "Grundbelopp", en: "Base amount" },
  floor: { sv: "Golv", en: "Floor" },
  ceiling: { sv: "Tak", en: "Ceiling" },
};

export function isEmptyShapes(shapes: Shapes): boolean {
  return !shapes.base && !shapes.floor && !shapes.ceiling && !shapes.weighted;
}

export function hasShapeRequest(request: ShapeRequest | undefined): boolean {
  return (
    !!request &&
    (!!request.base ||
      !!request.floor ||
      !!request.ceiling ||
      (request.weightedKeys !== undefined && request.weightedKeys.length > 0))
  );
}

/** Both languages of an amount in kronor, for a message. */
export function kronor(value: Decimal): Localised {
  return { sv: formatKronor(value, "sv"), en: formatKronor(value, "en") };
}

function number(value: Decimal): Localised {
  return { sv: formatNumber(value, "sv"), en: formatNumber(value, "en") };
}

/**
 * The grid column with this header in the header row (or named "[C]", the grid starting at
 * sheet column `left`); -1 when there is none, or when the header stands over several.
 */
export function findColumn(headers: readonly string[], header: string, left = 0): number {
  const match = matchColumn(headers, header, left);
  return match && "col" in match ? match.col : -1;
}

/** The index into grid.values of a recipient's row, from its name cell. */
export function recipientRow(grid: Grid, recipient: ShapeRecipient): number {
  return parseReference(recipient.nameCell).box.top - grid.top;
}

interface ColumnContext {
  grid: Grid;
  headerRow: number;
  headers: readonly string[];
  recipients: readonly ShapeRecipient[];
  problems: ProblemList;
}

function columnOf(ctx: ColumnContext, header: string, field: string): number | null {
  const match = matchColumn(ctx.headers, header, ctx.grid.left);
  if (match && "col" in match) return match.col;
  if (match) {
    ctx.problems.add(ambiguousColumn(field, header, match.ambiguous, ctx.grid.left));
    return null;
  }
  ctx.problems.add({
    code: "COLUMN_NOT_FOUND",
    field,
    params: {
      header,
      range: headerRowRef(ctx.grid, ctx.headerRow, gridWidth(ctx.grid)),
    },
  });
  return null;
}

/** A typed amount (>= 0, whole units); null after adding a problem. */
function typedAmount(
  text: string | number,
  what: ShapeWhat,
  unit: Decimal,
  problems: ProblemList
): Decimal | null {
  const parsed =
    typeof text === "number" ? parseNumberCell(text) : parseNumberText(String(text ?? ""));
  const shown = String(text).trim();
  // "100.000" reads two ways: the one core rule for typed amounts names both readings.
  const amount = parseAmountInput(text);
  if (!amount.ok && amount.code === "AMBIGUOUS_DOT") {
    problems.add({ code: "AMBIGUOUS_DOT", field: what, params: { text: shown } });
    return null;
  }
  if (parsed.kind !== "number" || parsed.value.isNegative()) {
    problems.add({
      code: "SHAPE_AMOUNT_BAD",
      field: what,
      params: { what: WHAT[what], text: shown },
    });
    return null;
  }
  if (!parsed.value.modulo(unit).isZero()) {
    problems.add({
      code: "SHAPE_NOT_WHOLE_UNITS",
      field: what,
      params: { what: WHAT[what], text: shown, unit: number(unit) },
    });
    return null;
  }
  return parsed.value;
}

function readAmountSource(
  ctx: ColumnContext,
  source: AmountSource,
  what: ShapeWhat,
  unit: Decimal
): PerRecipientAmount | null {
  if ("value" in source) {
    const value = typedAmount(source.value, what, unit, ctx.problems);
    if (value === null) return null;
    return { value, column: null, amounts: ctx.recipients.map(() => value) };
  }
  const col = columnOf(ctx, source.column, `${what}Column`);
  if (col === null) return null;
  const amounts = ctx.recipients.map((recipient) => {
    const r = recipientRow(ctx.grid, recipient);
    const cell = gridCellRef(ctx.grid, r, col);
    const parsed = parseNumberCell(ctx.grid.values[r]?.[col]);
    if (parsed.kind === "empty") {
      // An empty floor or base is no floor or base; an empty ceiling is no ceiling.
      return what === "ceiling" ? null : ZERO;
    }
    if (parsed.kind === "invalid") {
      ctx.problems.add({ code: parsed.code, cell, params: { text: parsed.text } });
      return ZERO;
    }
    if (parsed.value.isNegative()) {
      ctx.problems.add({
        code: "SHAPE_AMOUNT_BAD",
        cell,
        params: { what: WHAT[what], text: parsed.value.toString() },
      });
      return ZERO;
    }
    if (!parsed.value.modulo(unit).isZero()) {
      ctx.problems.add({
        code: "SHAPE_NOT_WHOLE_UNITS",
        cell,
        params: { what: WHAT[what], text: number(parsed.value), unit: number(unit) },
      });
    }
    return parsed.value;
  });
  // A blank ceiling cell means "no ceiling": kept as the NO_CEILING marker below.
  return {
    value: null,
    column: source.column,
    amounts: amounts.map((a) => (a === null ? NO_CEILING : a)),
  };
}

/** A ceiling cell left blank: no ceiling for that recipient. */
export const NO_CEILING = new Decimal(Infinity);

/** A weight in percent, > 0. */
function readWeight(text: string | number, problems: ProblemList): Decimal | null {
  const parsed =
    typeof text === "number" ? parseNumberCell(text) : parseNumberText(String(text ?? ""));
  if (parsed.kind !== "number" || !parsed.value.isPositive() || parsed.value.isZero()) {
    problems.add({ code: "WEIGHT_BAD", field: "weights", params: { text: String(text).trim() } });
    return null;
  }
  return parsed.value;
}

/** The weights add up to exactly 100, or a problem saying by how much they are off. */
export function weightProblem(weights: readonly Decimal[]): Problem | null {
  const total = sum(weights);
  if (total.equals(100)) return null;
  return {
    code: "WEIGHTS_NOT_100",
    field: "weights",
    params: { sum: number(total), off: number(total.minus(100).abs()) },
  };
}

/**
 * Reads and checks the shapes for these recipients (every problem at once). `headers` and
 * `headerRow` are the table's (TableLayout's); amounts must be whole rounding units.
 */
export function readShapes(
  grid: Grid,
  table: { headerRow: number; headers: readonly string[] },
  recipients: readonly ShapeRecipient[],
  request: ShapeRequest,
  unit: Decimal
): Shapes {
  const problems = new ProblemList();
  const ctx: ColumnContext = {
    grid,
    headerRow: table.headerRow,
    headers: table.headers,
    recipients,
    problems,
  };
  const base = request.base ? readAmountSource(ctx, request.base, "base", unit) : null;
  const floor = request.floor ? readAmountSource(ctx, request.floor, "floor", unit) : null;
  const ceiling = request.ceiling ? readAmountSource(ctx, request.ceiling, "ceiling", unit) : null;
  if (floor && ceiling) {
    recipients.forEach((r, i) => {
      if (floor.amounts[i].greaterThan(ceiling.amounts[i]))
        problems.add({
          code: "FLOOR_ABOVE_CEILING",
          cell: r.nameCell,
          params: {
            name: r.name,
            floor: kronor(floor.amounts[i]),
            ceiling: kronor(ceiling.amounts[i]),
          },
        });
    });
  }
  if (base && ceiling) {
    recipients.forEach((r, i) => {
      if (ceiling.amounts[i].lessThan(base.amounts[i]))
        problems.add({
          code: "CEILING_BELOW_BASE",
          cell: r.nameCell,
          params: {
            name: r.name,
            ceiling: kronor(ceiling.amounts[i]),
            base: kronor(base.amounts[i]),
          },
        });
    });
  }

  let weighted: WeightedKeys | null = null;
  const pairs = request.weightedKeys ?? [];
  if (pairs.length > 0) weighted = readWeightedKeys(ctx, pairs);
  problems.throwIfAny();
  return { base, floor, ceiling, weighted };
}

function readWeightedKeys(
  ctx: ColumnContext,
  pairs: readonly { column: string; weight: string | number }[]
): WeightedKeys | null {
  const { problems } = ctx;
  if (pairs.length < 2) {
    problems.add({
      code: "WEIGHTED_KEYS_PAIRS",
      field: "weights",
      params: { columns: String(pairs.length), weights: String(pairs.length) },
    });
    return null;
  }
  const weights = pairs.map((p) => readWeight(p.weight, problems));
  const columns = pairs.map((p) => columnOf(ctx, p.column, "keyColumns"));
  if (weights.every((w): w is Decimal => w !== null)) {
    const problem = weightProblem(weights);
    if (problem) problems.add(problem);
  }
  const keys = columns.map((col, j) => {
    if (col === null) return [];
    const values = ctx.recipients.map((recipient) => {
      const r = recipientRow(ctx.grid, recipient);
      const cell = gridCellRef(ctx.grid, r, col);
      const parsed = parseNumberCell(ctx.grid.values[r]?.[col]);
      if (parsed.kind === "empty") {
        problems.add({ code: "KEY_MISSING", cell, params: { name: recipient.name } });
        return ZERO;
      }
      if (parsed.kind === "invalid") {
        problems.add({ code: parsed.code, cell, params: { text: parsed.text } });
        return ZERO;
      }
      if (parsed.value.isNegative()) {
        problems.add({ code: "KEY_NEGATIVE", cell, params: { text: parsed.value.toString() } });
        return ZERO;
      }
      return parsed.value;
    });
    if (values.length > 0 && sum(values).isZero())
      problems.add({
        code: "KEY_COLUMN_SUM_ZERO",
        field: "keyColumns",
        params: { header: pairs[j].column },
      });
    return values;
  });
  if (!problems.isEmpty) return null;
  return {
    headers: pairs.map((p) => p.column),
    weights: weights as Decimal[],
    keys,
  };
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/**
 * The combined key of weighted key columns as exact integers: weights[i] / denominator is
 * Σ_j p_j/100 × k_ij / Σ_i k_ij, exactly (the fraction reduced). `columns[j][i]` is
 * recipient i's value in column j; `percents` add up to 100; every column sums above 0.
 */
export function combineKeys(
  columns: readonly (readonly Decimal[])[],
  percents: readonly Decimal[]
): { weights: bigint[]; denominator: bigint } {
  if (columns.length !== percents.length) throw new RangeError("one weight per key column");
  if (!sum([...percents]).equals(100)) throw new RangeError("weights must add up to 100");
  const n = columns.length === 0 ? 0 : columns[0].length;
  const ints = columns.map((col) => toBigWeights(decimalWeights(col)));
  const sums = ints.map((col) => col.reduce((a, b) => a + b, 0n));
  if (sums.some((s) => s === 0n)) throw new RangeError("a key column adds up to zero");
  const p = toBigWeights(decimalWeights(percents));
  let lcm = 1n;
  for (const s of sums) lcm = (lcm / gcd(lcm, s)) * s;
  const weights = new Array<bigint>(n).fill(0n);
  for (let j = 0; j < ints.length; j++) {
    const factor = p[j] * (lcm / sums[j]);
    for (let i = 0; i < n; i++) weights[i] += ints[j][i] * factor;
  }
  let denominator = weights.reduce((a, b) => a + b, 0n);
  let common = denominator;
  for (const w of weights) common = gcd(common, w);
  if (common > 1n) {
    for (let i = 0; i < n; i++) weights[i] /= common;
    denominator /= common;
  }
  return { weights, denominator };
}

/** What a participant gets under the shapes, and why. */
export interface ShapedShare {
  amount: Decimal;
  /** The base amount included in `amount` (0 without one). */
  base: Decimal;
  /** amount − base: the part by key. */
  keyPart: Decimal;
  /** "floor"/"ceiling": the amount is that bound; "free": base + the key's share. */
  bound: Bound;
  /** Got one of the units handed out by largest remainder. */
  extra: boolean;
  /** The recipient's (combined) key share among the participants, cut after 12 decimals. */
  share: Decimal;
  floor: Decimal | null;
  ceiling: Decimal | null;
}

export interface ShapedSplit {
  shares: ShapedShare[];
  /** Σ base amounts. */
  bases: Decimal;
  /** What was shared by key after the bases and the amounts at bounds. */
  byKey: Decimal;
  /** Units handed out by largest remainder. */
  extraUnits: number;
  /** Recipients sharing by key whose exact quota was not whole. */
  withRemainder: number;
}

/**
 * Splits `pool` (a whole number of `unit`s) over the participants under the shapes.
 * `participants` index into the recipients the shapes were read for; `keys` are their
 * keys (used unless the shapes weigh several key columns). Refuses, as InputError, bases
 * above the pool and infeasible bounds, saying by how much.
 */
export function shapedSplit(
  pool: Decimal,
  unit: Decimal,
  shapes: Shapes,
  participants: readonly number[],
  keys: readonly Decimal[],
  names: readonly string[]
): ShapedSplit {
  const toUnits = (value: Decimal) => BigInt(value.dividedBy(unit).toFixed(0));
  const fromUnits = (value: bigint) => new Decimal(value.toString()).times(unit);
  const bases = participants.map((i) => shapes.base?.amounts[i] ?? ZERO);
  const baseSum = sum(bases);
  if (baseSum.greaterThan(pool)) {
    throw new InputError([
      {
        code: "BASE_EXCEEDS_POOL",
        field: "base",
        params: {
          bases: kronor(baseSum),
          excess: kronor(baseSum.minus(pool)),
          pool: kronor(pool),
        },
      },
    ]);
  }

  let weights: bigint[];
  let denominator: bigint;
  if (shapes.weighted) {
    const w = shapes.weighted;
    const columns = w.keys.map((col) => participants.map((i) => col[i]));
    const zero = columns.flatMap((col, j): Problem[] =>
      sum(col).isZero()
        ? [{ code: "KEY_COLUMN_SUM_ZERO", field: "keyColumns", params: { header: w.headers[j] } }]
        : []
    );
    if (zero.length > 0) throw new InputError(zero);
    const combined = combineKeys(columns, w.weights);
    weights = combined.weights;
    denominator = combined.denominator;
  } else {
    weights = toBigWeights(decimalWeights(keys));
    denominator = weights.reduce((a, b) => a + b, 0n);
  }

  const floors = participants.map((i, j) => {
    const f = shapes.floor?.amounts[i] ?? ZERO;
    return f.greaterThan(bases[j]) ? toUnits(f.minus(bases[j])) : 0n;
  });
  const ceilings = participants.map((i, j) => {
    const c = shapes.ceiling?.amounts[i];
    return c === undefined || !c.isFinite() ? null : toUnits(c.minus(bases[j]));
  });
  const keyPool = pool.minus(baseSum);
  let split;
  try {
    split = distributeBounded(toUnits(keyPool), weights, floors, ceilings, [...names]);
  } catch (error) {
    if (!(error instanceof InfeasibleBounds)) throw error;
    // The engine's bounds are on the key part: add the bases back for whole amounts.
    const bounds = fromUnits(error.bounds).plus(baseSum);
    throw new InputError([
      {
        code: error.kind === "floors" ? "FLOORS_EXCEED_POOL" : "CEILINGS_BELOW_POOL",
        field: error.kind === "floors" ? "floor" : "ceiling",
        params: {
          bounds: kronor(bounds),
          excess: kronor(fromUnits(error.excess)),
          pool: kronor(pool),
        },
      },
    ]);
  }

  const share = (w: bigint) =>
    denominator === 0n ? ZERO : new Decimal(((w * 10n ** 12n) / denominator).toString()).div(1e12);
  let extraUnits = 0;
  const shares = participants.map((i, j): ShapedShare => {
    const keyPart = fromUnits(split.units[j]);
    if (split.extra[j]) extraUnits++;
    const ceiling = shapes.ceiling?.amounts[i];
    return {
      amount: bases[j].plus(keyPart),
      base: bases[j],
      keyPart,
      bound: split.bound[j],
      extra: split.extra[j],
      share: share(weights[j]),
      floor: shapes.floor ? shapes.floor.amounts[i] : null,
      ceiling: ceiling === undefined || !ceiling.isFinite() ? null : ceiling,
    };
  });
  return {
    shares,
    bases: baseSum,
    byKey: fromUnits(split.shared),
    extraUnits,
    withRemainder: split.withRemainder,
  };
}

export { WHAT as SHAPE_NAMES };
