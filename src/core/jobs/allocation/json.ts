/**
 * The public JSON shape of an allocation (the runner's --json output). Amounts are exact
 * decimal strings, rows in input order:
 * {"total":"6069306","reserves":[{"name":"…","amount":"400000"}],
 *  "rows":[{"name":"Bromma","key":"459491","amount":"459491"}, …]}
 * "unallocated" is added only when the pot is not a multiple of the rounding unit.
 * Amounts carry exactly the unit's decimals ("491911" for 1 kr, "491911.50" for öre); a pot
 * or reserve with öre split in whole kronor shows its öre ("1000.50"), never rounded.
 *
 * Rows keep name, key and amount and add only what applies:
 * - with shapes: "share" (the combined key share with weighted keys), "base" (with base
 *   amounts), "bound": "floor" | "ceiling" when the amount is that bound, "floor"/"ceiling"
 *   (the recipient's bound), "keys" (with weighted keys: the value of each key column);
 *   the top level adds "shapes" (what was asked for);
 * - with last year: "lastYear" (null for a recipient new this year), "change",
 *   "changePercent" (one decimal; null when last year was 0 or missing), "status"
 *   ("new" | "both"); the top level adds "lastYear" (totals) and "gone" (recipients that
 *   had an amount last year and none this year).
 */
import type { AllocationResult } from "./allocation";
import { percentOneDecimal } from "./last-year";
import { type Decimal, moneyString } from "../../money";

export interface AllocationJsonRow {
  name: string;
  key: string;
  amount: string;
  share?: string;
  base?: string;
  bound?: "floor" | "ceiling";
  floor?: string;
  ceiling?: string;
  keys?: Record<string, string>;
  lastYear?: string | null;
  change?: string;
  changePercent?: string | null;
  status?: "new" | "both";
}

export interface AllocationJson {
  total: string;
  reserves: { name: string; amount: string }[];
  rows: AllocationJsonRow[];
  unallocated?: string;
  shapes?: {
    base?: string | { column: string };
    floor?: string | { column: string };
    ceiling?: string | { column: string };
    weights?: { column: string; weight: string }[];
  };
  lastYear?: {
    source: string;
    lastYear: string;
    thisYear: string;
    change: string;
    changePercent: string | null;
  };
  gone?: { name: string; lastYear: string }[];
}

export function allocationJson(result: AllocationResult): AllocationJson {
  const money = (value: Decimal) => moneyString(value, result.unit);
  const weighted = result.shapes?.shapes.weighted ?? null;
  const json: AllocationJson = {
    total: money(result.total),
    reserves: result.reserves.map((r) => ({ name: r.name, amount: money(r.amount) })),
    rows: result.rows.map((r) => {
      const row: AllocationJsonRow = {
        name: r.name,
        key: r.key.toFixed(),
        amount: money(r.amount),
      };
      if (r.shape) {
        if (weighted && r.share) row.share = r.share.toFixed();
        if (result.shapes?.shapes.base) row.base = money(r.shape.base);
        if (r.shape.bound !== "free") row.bound = r.shape.bound;
        if (r.shape.floor) row.floor = money(r.shape.floor);
        if (r.shape.ceiling) row.ceiling = money(r.shape.ceiling);
        if (weighted && r.shape.keys) {
          const keys = r.shape.keys;
          row.keys = Object.fromEntries(weighted.headers.map((h, j) => [h, keys[j].toFixed()]));
        }
      }
      if (r.lastYear) {
        row.lastYear = r.lastYear.lastYear === null ? null : money(r.lastYear.lastYear);
        row.change = money(r.lastYear.change);
        row.changePercent =
          r.lastYear.changeRatio === null
            ? null
            : percentOneDecimal(r.lastYear.changeRatio).toFixed(1);
        row.status = r.lastYear.status === "new" ? "new" : "both";
      }
      return row;
    }),
  };
  if (!result.unallocated.isZero()) json.unallocated = money(result.unallocated);
  const shapes = result.shapes?.shapes;
  if (shapes) {
    const source = (s: { value: Decimal | null; column: string | null }) =>
      s.value !== null ? money(s.value) : { column: s.column ?? "" };
    json.shapes = {};
    if (shapes.base) json.shapes.base = source(shapes.base);
    if (shapes.floor) json.shapes.floor = source(shapes.floor);
    if (shapes.ceiling) json.shapes.ceiling = source(shapes.ceiling);
    if (weighted)
      json.shapes.weights = weighted.headers.map((column, j) => ({
        column,
        weight: weighted.weights[j].toFixed(),
      }));
  }
  const comparison = result.comparison;
  if (comparison) {
    json.lastYear = {
      source: result.lastYearSource ?? "",
      lastYear: money(comparison.lastYearTotal),
      thisYear: money(comparison.thisYearTotal),
      change: money(comparison.change),
      changePercent:
        comparison.changeRatio === null
          ? null
          : percentOneDecimal(comparison.changeRatio).toFixed(1),
    };
    json.gone = comparison.rows
      .filter((r) => r.status === "gone")
      .map((r) => ({ name: r.name, lastYear: money(r.lastYear ?? r.change.negated()) }));
  }
  return json;
}
