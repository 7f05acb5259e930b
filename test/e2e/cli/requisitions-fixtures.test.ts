/**
 * The requisitions runner on fixture workbooks (test/fixtures/requisitions, made by ExcelJS
 * with generate.js): the agency's list with kommunkod as text, long municipality names and
 * a Kommunkod column in the requisitions, timestamps on the deadline day, and every column
 * chosen by flag. good-*.xlsx give the statuses in their sidecar; error-*.xlsx are refused
 * (exit 2, nothing written) with the flags and header rows their sidecar names.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { run } from "../../../src/cli/main";

jest.setTimeout(60_000);

const FIXTURES = path.join(__dirname, "../../fixtures/requisitions");
const cases = readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx"));

interface Sidecar {
  args: string[];
  requisitions?: [string, string, string][];
  errors?: [string, string][];
  /** A part of the English message on stderr. */
  says?: string;
}
const sidecar = (file: string): Sidecar =>
  JSON.parse(readFileSync(path.join(FIXTURES, file.replace(/\.xlsx$/, ".json")), "utf8"));

test("there are good and bad fixtures, each with its sidecar", () => {
  expect(cases.some((f) => f.startsWith("good-"))).toBe(true);
  expect(cases.some((f) => f.startsWith("error-"))).toBe(true);
  for (const file of cases) expect(sidecar(file).args.length).toBeGreaterThan(0);
});

describe.each(cases.filter((f) => f.startsWith("good-")))("%s", (file) => {
  test("every requisition gets its recipient and status", async () => {
    const { args, requisitions } = sidecar(file);
    const result = await run(["requisitions", path.join(FIXTURES, file), ...args, "--json"]);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout) as {
      requisitions: { cell: string; recipient: string; status: string }[];
    };
    expect(json.requisitions.map((r) => [r.cell, r.recipient, r.status])).toEqual(requisitions);
  });
});

describe.each(cases.filter((f) => f.startsWith("error-")))("%s", (file) => {
  test("is refused, naming each flag and the header row, and nothing is written", async () => {
    const { args, errors, says } = sidecar(file);
    const output = path.join(mkdtempSync(path.join(tmpdir(), "statsbidrag-reqfix-")), "ut.xlsx");
    const input = path.join(FIXTURES, file);
    const result = await run(["requisitions", input, ...args, "--json", "--output", output]);
    expect(result.exitCode).toBe(2);
    expect(existsSync(output)).toBe(false);
    const json = JSON.parse(result.stdout) as {
      errors: { cell: string | null; field?: string; message: string }[];
    };
    expect(json.errors.map((e) => [e.field, e.cell])).toEqual(errors);
    for (const error of json.errors)
      expect(error.message.startsWith(`${error.field}: `)).toBe(true);
    const stderr = await run(["requisitions", input, ...args, "--lang", "en"]);
    expect(stderr.stderr).toContain(says);
  });
});

test("the help names every column flag", async () => {
  const help = await run(["requisitions", "--help", "--lang", "en"]);
  for (const flag of [
    "--maxima-name-column",
    "--maxima-code-column",
    "--maxima-amount-column",
    "--requisition-name-column",
    "--requisition-code-column",
    "--requisition-amount-column",
    "--requisition-date-column",
  ])
    expect(help.stdout).toContain(flag);
});
