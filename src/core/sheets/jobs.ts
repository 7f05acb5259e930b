/**
 * The kinds of output the add-in owns; one owned sheet per kind and workbook. Each name
 * becomes part of a defined name (Statsbidrag_<kind>), so letters and underscores only.
 */
export const OUTPUT_JOBS = ["allocation", "requisitions", "report", "accounts", "runlog"] as const;
export type OutputJob = (typeof OUTPUT_JOBS)[number];
