/**
 * Exact apportionment in integers: largest remainder (Hamilton), and capped largest
 * remainder ("water filling") for re-distributions where nobody may get more than a cap.
 *
 * Layers, as in money libraries: the money layers (`apportion`, `apportionCapped`, on
 * Decimal) validate and scale to integers; `distributeUnits` and `distributeCapped` are
 * the integer layers; `largest-remainder.ts` is the pure core. The rule and tie-break are
 * documented in largest-remainder.ts, the capped rule and its round order in capped.ts.
 */
export { apportion, type ApportionedShare, type Apportionment } from "./decimal";
export { distributeUnits, type UnitDistribution, type UnitShare } from "./units";
export {
  apportionCapped,
  distributeCapped,
  type CappedApportionment,
  type CappedDistribution,
} from "./capped";
export { compareCodePoints } from "./select";
