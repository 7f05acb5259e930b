/** The kinds of output the add-in owns; one owned sheet per job and workbook. */
export type OutputJob = "allocation";
