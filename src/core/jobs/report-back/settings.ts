/**
 * What the Återrapportering step remembers in the workbook after a run, and how it is read
 * back: the settings come from a workbook someone else may have edited, so only the expected
 * shape is accepted (anything else is ignored, never trusted).
 */
export interface ReportSettings {
  version: 1;
  ledgerSheets: string[];
  received: string;
  year: string;
  costCentres: string;
  projects: string;
}

export function validReportSettings(value: unknown): ReportSettings | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const isString = (x: unknown): x is string => typeof x === "string";
  if (v.version !== 1 || !Array.isArray(v.ledgerSheets) || !v.ledgerSheets.every(isString))
    return null;
  if (![v.received, v.year, v.costCentres, v.projects].every(isString)) return null;
  return {
    version: 1,
    ledgerSheets: [...(v.ledgerSheets as string[])],
    received: v.received as string,
    year: v.year as string,
    costCentres: v.costCentres as string,
    projects: v.projects as string,
  };
}
