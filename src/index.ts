/**
 * statsbidrag's Node API: the exact engine the add-in and the runner split grants with.
 *
 *   const { apportion } = require("statsbidrag");
 *   const { amounts, unallocated } = apportion(total, keys, { unit, names });
 *
 * total, keys (and caps) as numbers or decimal strings; amounts come back as decimal
 * strings in input order, with exactly the unit's decimals. Errors are thrown as `Error`
 * whose message starts with one of the exported *_MESSAGE constants.
 */
export {
  splitAmounts as apportion,
  splitAmountsCapped as apportionCapped,
  INVALID_CAP_MESSAGE,
  INVALID_CAPS_MESSAGE,
  INVALID_KEY_MESSAGE,
  INVALID_KEYS_MESSAGE,
  INVALID_NAMES_MESSAGE,
  INVALID_OPTIONS_MESSAGE,
  INVALID_TOTAL_MESSAGE,
  INVALID_UNIT_MESSAGE,
  ZERO_KEYS_MESSAGE,
  type CappedSplitResult,
  type NumberInput,
  type SplitOptions,
  type SplitResult,
} from "./core/apportion/amounts";
