/**
 * The layer behind the package's Node API: amounts, keys and caps as JavaScript numbers or
 * decimal strings in, decimal strings out. It validates (the only layer here that throws
 * the API's errors, each message a named constant), scales every figure to integers once,
 * and runs the integer core: no Decimal per row, no sort, no spread, no recursion.
 *
 * A number is read as the decimal JavaScript prints for it (0.1 is 0.1, not the binary
 * fraction nearest to it); a string must be plain decimal digits with an optional point
 * ("1250", "0.01", "491911.50"). Amounts come back in input order with exactly as many
 * decimals as the unit is written with (unit 1: "491911"; 0.01: "491911.50"; 100: "491900").
 */
import { cappedUnits } from "./capped";
import { MAX_SAFE, type IntegerWeights, splitUnits } from "./largest-remainder";

export type NumberInput = number | string;

export interface SplitOptions {
  /** Rounding unit: amounts are whole multiples of it. Default 1. */
  unit?: NumberInput;
  /** One name per key; breaks exact ties (equal remainder and key) in code point order. */
  names?: readonly string[];
}

export interface SplitResult {
  /** One amount per key, in input order, as decimal strings with the unit's decimals. */
  amounts: string[];
  /** The part of the total smaller than one unit, which no one can get. */
  unallocated: string;
}

export interface CappedSplitResult {
  /** One amount per key, in input order, never above that key's cap. */
  amounts: string[];
  /** What could not be placed: total − Σ amounts (everyone capped, or no key above zero). */
  leftOver: string;
  /** Rounds of the water filling (see capped.ts). */
  rounds: number;
}

const PREFIX = "[statsbidrag]";
export const INVALID_TOTAL_MESSAGE = `${PREFIX} total must be a finite number >= 0 or a decimal string such as "1250.50".`;
export const INVALID_UNIT_MESSAGE = `${PREFIX} unit must be a number > 0 or a decimal string such as "0.01".`;
export const INVALID_KEYS_MESSAGE = `${PREFIX} keys must be an array.`;
export const INVALID_KEY_MESSAGE = `${PREFIX} each key must be a finite number >= 0 or a decimal string such as "12.5".`;
export const ZERO_KEYS_MESSAGE = `${PREFIX} at least one key must be above zero.`;
export const INVALID_OPTIONS_MESSAGE = `${PREFIX} options must be an object: { unit, names }.`;
export const INVALID_NAMES_MESSAGE = `${PREFIX} names must be an array of strings, one per key.`;
export const INVALID_CAPS_MESSAGE = `${PREFIX} caps must be an array, one cap per key.`;
export const INVALID_CAP_MESSAGE = `${PREFIX} each cap must be a finite number >= 0 or a decimal string such as "12.5".`;

/** The only way this layer fails: a plain Error whose message starts with a constant above. */
function fail(message: string, detail?: string): never {
  throw new Error(detail ? `${message} ${detail}` : message);
}

function describe(value: unknown): string {
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")
    return String(value);
  return value === null ? "null" : typeof value;
}

/** A decimal as digits and a scale: value = digits / 10^scale. */
interface Parsed {
  digits: string;
  scale: number;
}

const DECIMAL_STRING = /^(\d+)(?:\.(\d+))?$/;
/** What String(number) prints for a finite number >= 0: "12", "0.5", "1e+21", "1.5e-7". */
const NUMBER_STRING = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;
const PLAIN_INTEGER = /^\d{1,15}$/;

function parseDecimal(value: unknown): Parsed | null {
  let match: RegExpExecArray | null;
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return null;
    match = NUMBER_STRING.exec(String(value));
  } else if (typeof value === "string") match = DECIMAL_STRING.exec(value);
  else return null;
  if (!match) return null;
  const fraction = match[2] ?? "";
  let digits = match[1] + fraction;
  let scale = fraction.length - (match[3] ? Number(match[3]) : 0);
  if (scale < 0) {
    digits += "0".repeat(-scale);
    scale = 0;
  }
  let start = 0;
  while (start < digits.length - 1 && digits.charCodeAt(start) === 48) start++;
  return { digits: start === 0 ? digits : digits.slice(start), scale };
}

/** The same value with trailing fraction zeros dropped ("1.50" -> 15 / 10). */
function trimmed(p: Parsed): Parsed {
  let end = p.digits.length;
  let scale = p.scale;
  while (scale > 0 && end > 1 && p.digits.charCodeAt(end - 1) === 48) {
    end--;
    scale--;
  }
  return end === p.digits.length ? p : { digits: p.digits.slice(0, end), scale };
}

const pow10 = (n: number) => 10n ** BigInt(n);

/** Keys as integers: every key times 10^(most decimals of any key). */
function parseKeys(keys: readonly NumberInput[]): IntegerWeights {
  const n = keys.length;
  // Keys that are safe integers as given; NaN marks one kept in `parsed` with its decimals.
  const whole = new Float64Array(n);
  let parsed: Parsed[] | undefined;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (typeof k === "number" && k >= 0 && k <= MAX_SAFE && Number.isInteger(k)) {
      whole[i] = k + 0; // -0 -> 0
      continue;
    }
    if (typeof k === "string" && PLAIN_INTEGER.test(k)) {
      whole[i] = Number(k);
      continue;
    }
    const raw = parseDecimal(k);
    if (!raw) fail(INVALID_KEY_MESSAGE, `keys[${i}] is ${describe(k)}.`);
    const p = trimmed(raw);
    if (p.scale === 0 && p.digits.length <= 15) {
      whole[i] = Number(p.digits);
      continue;
    }
    whole[i] = NaN;
    (parsed ??= new Array<Parsed>(n))[i] = p;
    if (p.scale > scale) scale = p.scale;
  }

  // Safe path when every scaled key and their sum stay within 2^53 − 1.
  const factor = scale <= 22 ? 10 ** scale : Infinity; // 10^k is an exact double up to k = 22
  const values = new Float64Array(n);
  let sum = 0;
  let max = 0;
  let safe = true;
  for (let i = 0; i < n && safe; i++) {
    const v = whole[i];
    let w: number;
    if (v === v) w = scale === 0 ? v : v * factor;
    else {
      const p = (parsed as Parsed[])[i];
      const digits = p.digits.length + scale - p.scale;
      w = digits <= 15 ? Number(p.digits) * 10 ** (scale - p.scale) : Infinity;
    }
    values[i] = w;
    sum += w;
    if (w > max) max = w;
    safe = sum <= MAX_SAFE;
  }
  if (safe) return { kind: "safe", values, sum, max };

  const big = new Array<bigint>(n);
  let bigSum = 0n;
  let bigMax = 0n;
  const wholeFactor = pow10(scale);
  for (let i = 0; i < n; i++) {
    const v = whole[i];
    let w: bigint;
    if (v === v) w = BigInt(v) * wholeFactor;
    else {
      const p = (parsed as Parsed[])[i];
      w = BigInt(p.digits) * pow10(scale - p.scale);
    }
    big[i] = w;
    bigSum += w;
    if (w > bigMax) bigMax = w;
  }
  return { kind: "big", values: big, sum: bigSum, max: bigMax };
}

/** The pot in whole units of the unit, and what is left below one unit. */
interface Pot {
  units: bigint;
  /** Amounts are units × unitDigits / 10^unitScale. */
  unitDigits: bigint;
  unitScale: number;
  /** total − units × unit = rest / 10^restScale (restScale >= unitScale). */
  rest: bigint;
  restScale: number;
}

function parsePot(total: unknown, unit: unknown): Pot {
  const t = parseDecimal(total);
  if (!t) fail(INVALID_TOTAL_MESSAGE, `total is ${describe(total)}.`);
  const u = parseDecimal(unit);
  if (!u || /^0+$/.test(u.digits)) fail(INVALID_UNIT_MESSAGE, `unit is ${describe(unit)}.`);
  const common = Math.max(t.scale, u.scale);
  const totalScaled = BigInt(t.digits) * pow10(common - t.scale);
  const unitScaled = BigInt(u.digits) * pow10(common - u.scale);
  const units = totalScaled / unitScaled;
  return {
    units,
    unitDigits: BigInt(u.digits),
    unitScale: u.scale,
    rest: totalScaled - units * unitScaled,
    restScale: common,
  };
}

/** digits / 10^scale written with exactly `scale` decimals. */
function withDecimals(digits: string, scale: number): string {
  if (scale === 0) return digits;
  const padded = digits.length > scale ? digits : "0".repeat(scale + 1 - digits.length) + digits;
  return `${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`;
}

/** Whole units as amounts in money, in one pass, numbers while units × unit is safe. */
function amountsOf(units: Float64Array | bigint[], pot: Pot): string[] {
  const out = new Array<string>(units.length);
  const scale = pot.unitScale;
  if (units instanceof Float64Array && pot.units * pot.unitDigits <= BigInt(MAX_SAFE)) {
    const factor = Number(pot.unitDigits);
    if (scale === 0) {
      if (factor === 1) for (let i = 0; i < out.length; i++) out[i] = String(units[i]);
      else for (let i = 0; i < out.length; i++) out[i] = String(units[i] * factor);
    } else
      for (let i = 0; i < out.length; i++) out[i] = withDecimals(String(units[i] * factor), scale);
    return out;
  }
  for (let i = 0; i < out.length; i++)
    out[i] = withDecimals((BigInt(units[i]) * pot.unitDigits).toString(), scale);
  return out;
}

/** (units × unit + rest) in money, with the rest's decimals. */
function restOf(pot: Pot, units: bigint): string {
  const scaled = units * pot.unitDigits * pow10(pot.restScale - pot.unitScale) + pot.rest;
  return withDecimals(scaled.toString(), pot.restScale);
}

function checkNames(names: unknown, length: number): readonly string[] | undefined {
  if (names === undefined) return undefined;
  if (!Array.isArray(names) || names.length !== length) fail(INVALID_NAMES_MESSAGE);
  for (let i = 0; i < length; i++)
    if (typeof names[i] !== "string")
      fail(INVALID_NAMES_MESSAGE, `names[${i}] is ${describe(names[i])}.`);
  return names as readonly string[];
}

function checkOptions(options: unknown): SplitOptions {
  if (options === undefined) return {};
  if (options === null || typeof options !== "object" || Array.isArray(options))
    fail(INVALID_OPTIONS_MESSAGE);
  return options as SplitOptions;
}

/**
 * Largest remainder: `total` over `keys` in whole multiples of `unit` (default 1).
 * Every amount is the floor or the ceiling of its exact share, and the amounts add up to
 * total − unallocated exactly. Equal remainders go to the larger key, then to the name
 * first in Unicode code point order (with names), then to the earlier row.
 */
export function splitAmounts(
  total: NumberInput,
  keys: readonly NumberInput[],
  options?: SplitOptions
): SplitResult {
  const { unit = 1, names } = checkOptions(options);
  const pot = parsePot(total, unit);
  if (!Array.isArray(keys)) fail(INVALID_KEYS_MESSAGE);
  const checkedNames = checkNames(names, keys.length);
  const weights = parseKeys(keys);
  if (weights.kind === "safe" && weights.sum === 0) fail(ZERO_KEYS_MESSAGE);
  const split = splitUnits(pot.units, weights, checkedNames);
  return { amounts: amountsOf(split.units, pot), unallocated: restOf(pot, 0n) };
}

/** Caps in whole units of the pot's unit (a cap between two multiples counts as the lower). */
function parseCaps(caps: readonly NumberInput[], pot: Pot): Float64Array | bigint[] {
  const n = caps.length;
  const unitIsInteger = pot.unitScale === 0 && pot.unitDigits <= BigInt(MAX_SAFE);
  const u = Number(pot.unitDigits);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = caps[i];
    if (
      unitIsInteger &&
      typeof c === "number" &&
      c >= 0 &&
      c <= MAX_SAFE - u &&
      Number.isInteger(c)
    ) {
      const q = Math.floor(c / u);
      values[i] = q * u > c ? q - 1 : q;
      continue;
    }
    const p = parseDecimal(c);
    if (!p) fail(INVALID_CAP_MESSAGE, `caps[${i}] is ${describe(c)}.`);
    const common = Math.max(p.scale, pot.unitScale);
    const units =
      (BigInt(p.digits) * pow10(common - p.scale)) /
      (pot.unitDigits * pow10(common - pot.unitScale));
    if (units > BigInt(MAX_SAFE)) return bigCaps(caps, pot);
    values[i] = Number(units);
  }
  return values;
}

function bigCaps(caps: readonly NumberInput[], pot: Pot): bigint[] {
  return caps.map((c, i) => {
    const p = parseDecimal(c);
    if (!p) fail(INVALID_CAP_MESSAGE, `caps[${i}] is ${describe(c)}.`);
    const common = Math.max(p.scale, pot.unitScale);
    return (
      (BigInt(p.digits) * pow10(common - p.scale)) /
      (pot.unitDigits * pow10(common - pot.unitScale))
    );
  });
}

/**
 * Capped split ("water filling"): like `splitAmounts`, but nobody gets more than their
 * cap; what cannot be placed is `leftOver`. Rule and round order in capped.ts.
 */
export function splitAmountsCapped(
  total: NumberInput,
  keys: readonly NumberInput[],
  caps: readonly NumberInput[],
  options?: SplitOptions
): CappedSplitResult {
  const { unit = 1, names } = checkOptions(options);
  const pot = parsePot(total, unit);
  if (!Array.isArray(keys)) fail(INVALID_KEYS_MESSAGE);
  if (!Array.isArray(caps) || caps.length !== keys.length) fail(INVALID_CAPS_MESSAGE);
  const checkedNames = checkNames(names, keys.length);
  const weights = parseKeys(keys);
  const split = cappedUnits(pot.units, weights, parseCaps(caps, pot), checkedNames);
  return {
    amounts: amountsOf(split.units, pot),
    leftOver: restOf(pot, BigInt(split.leftOver)),
    rounds: split.rounds,
  };
}
