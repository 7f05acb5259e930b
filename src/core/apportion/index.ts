/**
 * Exact largest-remainder (Hamilton) apportionment, in integers.
 *
 * Layers, as in money libraries: `apportion` (Decimal money and keys) validates and scales
 * to integers; `distributeUnits` is the integer layer; `largest-remainder.ts` is the pure
 * core, where the rule and tie-break are documented.
 */
export { apportion, type ApportionedShare, type Apportionment } from "./decimal";
export { distributeUnits, type UnitDistribution, type UnitShare } from "./units";
export { compareCodePoints } from "./select";
