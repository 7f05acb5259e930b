/**
 * What the Fördela step remembers in the workbook after a run (Office document settings), so
 * a colleague with the add-in can run it again, and how it is read back: the settings come
 * from a workbook someone else may have edited, so only the expected shape is accepted.
 */

import { DEFAULT_UNIT, UNIT_CHOICES, type UnitChoice } from "../../money";

export { DEFAULT_UNIT, UNIT_CHOICES, type UnitChoice };

export interface ReserveInput {
  name: string;
  amount: string;
}

/** What is remembered in the workbook after a run, so a colleague can re-run it. */
export interface AllocationSettings {
  version: 1;
  sourceAddress: string;
  tableName?: string;
  nameHeader: string;
  keyHeader: string;
  interestHeaders: string[];
  total: string;
  reserves: ReserveInput[];
  unit: UnitChoice;
  /** The "Avancerat" inputs, with columns by header ("" where none); absent when all empty. */
  advanced?: SavedAdvanced;
}

export interface SavedAdvanced {
  base: string;
  floor: string;
  ceiling: string;
  /** Headers of the columns base, floor and ceiling were taken from ("" or absent: none). */
  baseHeader?: string;
  floorHeader?: string;
  ceilingHeader?: string;
  secondKeyHeader: string;
  /** A third key and on, by header, each with its weight. */
  moreKeys?: { header: string; weight: string }[];
  keyWeight: string;
  secondWeight: string;
  lastYearHeader: string;
  /** The sheet last year's amounts were read from (a previous Fördelning); "" or absent: none. */
  lastYearSheet?: string;
}

/** Settings come from a workbook someone else may have edited: accept only the expected shape. */
export function validSettings(value: unknown): AllocationSettings | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const isString = (x: unknown): x is string => typeof x === "string";
  if (
    v.version !== 1 ||
    !isString(v.sourceAddress) ||
    !isString(v.nameHeader) ||
    !isString(v.keyHeader)
  )
    return null;
  if (!isString(v.total) || !Array.isArray(v.interestHeaders) || !v.interestHeaders.every(isString))
    return null;
  if (v.tableName !== undefined && !isString(v.tableName)) return null;
  const unit = UNIT_CHOICES.find((u) => u === v.unit) ?? DEFAULT_UNIT;
  const reserves = Array.isArray(v.reserves)
    ? v.reserves.flatMap((r: unknown) => {
        if (typeof r !== "object" || r === null) return [];
        const { name, amount } = r as Record<string, unknown>;
        return isString(name) && isString(amount) ? [{ name, amount }] : [];
      })
    : [];
  return {
    version: 1,
    sourceAddress: v.sourceAddress,
    tableName: v.tableName,
    nameHeader: v.nameHeader,
    keyHeader: v.keyHeader,
    interestHeaders: v.interestHeaders,
    total: v.total,
    reserves,
    unit,
    ...savedAdvancedOf(v.advanced),
  };
}

/** The saved "Avancerat" inputs when every one of them is a string; else none. */
function savedAdvancedOf(value: unknown): { advanced?: SavedAdvanced } {
  if (typeof value !== "object" || value === null) return {};
  const v = value as Record<string, unknown>;
  const keys: (keyof SavedAdvanced)[] = [
    "base",
    "floor",
    "ceiling",
    "secondKeyHeader",
    "keyWeight",
    "secondWeight",
    "lastYearHeader",
  ];
  if (!keys.every((k) => typeof v[k] === "string")) return {};
  const advanced = Object.fromEntries(keys.map((k) => [k, v[k] as string])) as unknown;
  // Added later: settings saved before them have none, and anything else is dropped.
  const columns: (keyof SavedAdvanced)[] = [
    "baseHeader",
    "floorHeader",
    "ceilingHeader",
    "lastYearSheet",
  ];
  const headers = Object.fromEntries(
    columns.flatMap((k) => (typeof v[k] === "string" ? [[k, v[k] as string]] : []))
  );
  const moreKeys = Array.isArray(v.moreKeys)
    ? v.moreKeys.flatMap((k: unknown) => {
        if (typeof k !== "object" || k === null) return [];
        const { header, weight } = k as Record<string, unknown>;
        return typeof header === "string" && typeof weight === "string" ? [{ header, weight }] : [];
      })
    : [];
  return {
    advanced: {
      ...(advanced as SavedAdvanced),
      ...headers,
      ...(moreKeys.length > 0 ? { moreKeys } : {}),
    },
  };
}
