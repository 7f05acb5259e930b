/**
 * The kinds of output the add-in owns; one owned sheet per kind and workbook. Each name
 * becomes part of a defined name (Statsbidrag_<kind>), so letters and underscores only.
 */
export type OutputJob = "allocation" | "requisitions" | "report" | "accounts" | "runlog";
