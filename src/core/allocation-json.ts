/**
 * The public JSON shape of an allocation (the runner's --json output). Amounts are exact
 * decimal strings, rows in input order:
 * {"total":"6069306","reserves":[{"name":"…","amount":"400000"}],
 *  "rows":[{"name":"Bromma","key":"459491","amount":"459491"}, …]}
 * "unallocated" is added only when the pot is not a multiple of the rounding unit.
 * Amounts carry exactly the unit's decimals ("491911" for 1 kr, "491911.50" for öre); a pot
 * or reserve with öre split in whole kronor shows its öre ("1000.50"), never rounded.
 */
import type { AllocationResult } from "./allocation";
import { type Decimal, moneyString } from "./money";

export interface AllocationJson {
  total: string;
  reserves: { name: string; amount: string }[];
  rows: { name: string; key: string; amount: string }[];
  unallocated?: string;
}

export function allocationJson(result: AllocationResult): AllocationJson {
  const money = (value: Decimal) => moneyString(value, result.unit);
  const json: AllocationJson = {
    total: money(result.total),
    reserves: result.reserves.map((r) => ({ name: r.name, amount: money(r.amount) })),
    rows: result.rows.map((r) => ({ name: r.name, key: r.key.toFixed(), amount: money(r.amount) })),
  };
  if (!result.unallocated.isZero()) json.unallocated = money(result.unallocated);
  return json;
}
