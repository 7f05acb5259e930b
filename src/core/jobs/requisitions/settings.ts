/**
 * What the Rekvisitioner step remembers in the workbook after a run, and how it is read back:
 * the settings come from a workbook someone else may have edited, so only the expected shape
 * is accepted.
 */
import { DEFAULT_UNIT, UNIT_CHOICES, type UnitChoice } from "../../money";

/** A range by address, or an Excel table by name. */
export interface SavedSource {
  address: string;
  tableName?: string;
}

/** Where the maxima came from last time: a range or table, or the add-in's own allocation sheet. */
export interface MaximaOrigin extends Partial<SavedSource> {
  owned?: boolean;
}

/** What is remembered in the workbook after a run, so a colleague can re-run it. */
export interface RequisitionsSettings {
  version: 1;
  maxima: MaximaOrigin;
  requisitions: SavedSource;
  deadline: string;
  total: string;
  unit: UnitChoice;
  redistribute: boolean;
}

/** Settings come from a workbook someone else may have edited: accept only the expected shape. */
export function validSettings(value: unknown): RequisitionsSettings | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const isString = (x: unknown): x is string => typeof x === "string";
  const optionalString = (x: unknown) => x === undefined || isString(x);
  if (v.version !== 1) return null;
  if (!isString(v.deadline) || !isString(v.total) || typeof v.redistribute !== "boolean")
    return null;
  const m = v.maxima as Record<string, unknown> | null;
  const r = v.requisitions as Record<string, unknown> | null;
  if (typeof m !== "object" || m === null || typeof r !== "object" || r === null) return null;
  if (!optionalString(m.address) || !optionalString(m.tableName) || !isString(r.address))
    return null;
  if (!optionalString(r.tableName)) return null;
  const unit = UNIT_CHOICES.find((u) => u === v.unit) ?? DEFAULT_UNIT;
  return {
    version: 1,
    maxima:
      m.owned === true
        ? { owned: true }
        : {
            address: m.address as string | undefined,
            tableName: m.tableName as string | undefined,
          },
    requisitions: { address: r.address, tableName: r.tableName as string | undefined },
    deadline: v.deadline,
    total: v.total,
    unit,
    redistribute: v.redistribute,
  };
}
