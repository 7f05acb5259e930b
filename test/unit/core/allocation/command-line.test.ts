/** The logged command line of an allocation: every flag that shaped the result, in order. */
import {
  type AllocationFlags,
  allocationCommandLine,
  allocationWords,
} from "../../../../src/core/jobs/allocation/command-line";

const FLAGS: AllocationFlags = {
  file: "in.xlsx",
  sheet: "Blad1",
  total: "1000000",
  reserves: [],
  keyColumns: ["Invånare 65+"],
  weights: [],
  interestColumns: [],
  lang: "sv",
  date: "2026-11-25",
};

test("without the optional flags, the line is as it was logged before them", () => {
  expect(allocationCommandLine(FLAGS)).toBe(
    "statsbidrag allocate in.xlsx --sheet Blad1 --total 1000000 --key-column 'Invånare 65+' --lang sv --date 2026-11-25"
  );
});

test("--range comes right after --sheet", () => {
  expect(allocationWords({ ...FLAGS, range: "B3:D8" }).slice(2, 8)).toEqual([
    "in.xlsx",
    "--sheet",
    "Blad1",
    "--range",
    "B3:D8",
    "--total",
  ]);
});

test("--hidden-rows exclude is logged; the default (include) is not", () => {
  expect(allocationCommandLine({ ...FLAGS, hiddenRows: "exclude" })).toContain(
    "--key-column 'Invånare 65+' --hidden-rows exclude --lang sv"
  );
  expect(allocationCommandLine({ ...FLAGS, hiddenRows: "include" })).toBe(
    allocationCommandLine(FLAGS)
  );
});

test("--no-interest-columns is logged where the interest columns would be", () => {
  expect(allocationCommandLine({ ...FLAGS, noInterestColumns: true })).toBe(
    "statsbidrag allocate in.xlsx --sheet Blad1 --total 1000000 --key-column 'Invånare 65+' --no-interest-columns --lang sv --date 2026-11-25"
  );
  expect(allocationCommandLine({ ...FLAGS, noInterestColumns: false })).toBe(
    allocationCommandLine(FLAGS)
  );
});

test("no interest columns and interest columns together are a caller's mistake", () => {
  expect(() =>
    allocationWords({ ...FLAGS, noInterestColumns: true, interestColumns: ["Intresse"] })
  ).toThrow(RangeError);
});
