/**
 * The runner command line that reproduces an allocation, for the run log (Körlogg). The
 * pane and the runner both log through this, so a decision made in the pane can be re-run
 * with `statsbidrag rerun` from the workbook alone.
 */
import { commandLine } from "../../runlog";

export interface AllocationFlags {
  /** The workbook's file name as logged (the pane does not know it: a placeholder). */
  file: string;
  sheet: string;
  /**
   * "A3:D14": the range of `sheet` the recipients were read from, without the sheet name
   * (the pane's selection or table). Absent: the whole sheet, as runs logged before it.
   */
  range?: string;
  total: string;
  /** "name=amount" each. */
  reserves: readonly string[];
  unit?: string;
  nameColumn?: string;
  keyColumns: readonly string[];
  weights: readonly string[];
  /** Empty and no `noInterestColumns`: the runner detects the interest columns. */
  interestColumns: readonly string[];
  /**
   * True: no column is read as interest, every recipient row takes part (logged as
   * --no-interest-columns). With `interestColumns` it is a contradiction (RangeError).
   */
  noInterestColumns?: boolean;
  /** Hidden recipient rows: "exclude" is logged; "include" (the default) and absent are not. */
  hiddenRows?: "include" | "exclude";
  base?: string;
  baseColumn?: string;
  floor?: string;
  floorColumn?: string;
  ceiling?: string;
  ceilingColumn?: string;
  lastYearColumn?: string;
  lastYearSheet?: string;
  lang: string;
  date: string;
}

/** The words of `statsbidrag allocate …` with every flag that shaped the result. */
export function allocationWords(flags: AllocationFlags): string[] {
  const words = ["statsbidrag", "allocate", flags.file, "--sheet", flags.sheet];
  const add = (flag: string, value: string | undefined) => {
    if (value !== undefined) words.push(flag, value);
  };
  add("--range", flags.range);
  add("--total", flags.total);
  for (const reserve of flags.reserves) add("--reserve", reserve);
  add("--unit", flags.unit);
  add("--name-column", flags.nameColumn);
  flags.keyColumns.forEach((column, j) => {
    add("--key-column", column);
    add("--weight", flags.weights[j]);
  });
  for (const column of flags.interestColumns) add("--interest-column", column);
  if (flags.noInterestColumns) {
    if (flags.interestColumns.length > 0)
      throw new RangeError("interest columns and no interest columns at once");
    words.push("--no-interest-columns");
  }
  if (flags.hiddenRows === "exclude") add("--hidden-rows", "exclude");
  add("--base", flags.base);
  add("--base-column", flags.baseColumn);
  add("--floor", flags.floor);
  add("--floor-column", flags.floorColumn);
  add("--ceiling", flags.ceiling);
  add("--ceiling-column", flags.ceilingColumn);
  add("--last-year-column", flags.lastYearColumn);
  add("--last-year-sheet", flags.lastYearSheet);
  add("--lang", flags.lang);
  add("--date", flags.date);
  return words;
}

export function allocationCommandLine(flags: AllocationFlags): string {
  return commandLine(allocationWords(flags));
}
