/**
 * Fixture-driven: every good-*.xlsx must allocate to the amounts in its sidecar, every
 * error-*.xlsx must be refused with exit code 2, the cells listed, and no file written.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { run } from "../../../src/cli/main";

const FIXTURES = path.join(__dirname, "../../fixtures/allocation");
const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx"));

interface Sidecar {
  args: string[];
  cells?: string[];
  amounts?: Record<string, string>;
}

function sidecar(file: string): Sidecar {
  return JSON.parse(
    readFileSync(path.join(FIXTURES, file.replace(/\.xlsx$/, ".json")), "utf8")
  ) as Sidecar;
}

test("there are both good and bad fixtures", () => {
  expect(files.filter((f) => f.startsWith("good-")).length).toBeGreaterThanOrEqual(3);
  expect(files.filter((f) => f.startsWith("error-")).length).toBeGreaterThanOrEqual(4);
});

describe.each(files.filter((f) => f.startsWith("error-")))("%s is refused", (file) => {
  const { args, cells = [] } = sidecar(file);
  const output = path.join(mkdtempSync(path.join(tmpdir(), "sb-")), "out.xlsx");

  test("exit code 2, every cell named, nothing written", async () => {
    const result = await run([
      "allocate",
      path.join(FIXTURES, file),
      ...args,
      "--json",
      "--output",
      output,
    ]);
    expect(result.exitCode).toBe(2);
    const { errors } = JSON.parse(result.stdout) as {
      errors: { cell: string | null; message: string }[];
    };
    expect(errors.length).toBeGreaterThan(0);
    expect(
      errors
        .map((e) => e.cell)
        .filter(Boolean)
        .sort()
    ).toEqual([...cells].sort());
    for (const cell of cells) expect(result.stderr).toContain(cell);
    expect(existsSync(output)).toBe(false);
  });
});

describe.each(files.filter((f) => f.startsWith("good-")))("%s is allocated", (file) => {
  const { args, amounts = {} } = sidecar(file);

  test("amounts as expected and exact to the pot", async () => {
    const result = await run(["allocate", path.join(FIXTURES, file), ...args, "--json"]);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout) as {
      total: string;
      reserves: { amount: string }[];
      rows: { name: string; amount: string }[];
    };
    expect(Object.fromEntries(json.rows.map((r) => [r.name, r.amount]))).toEqual(amounts);
    const sum = [...json.rows, ...json.reserves].reduce((acc, r) => acc + BigInt(r.amount), 0n);
    expect(sum).toBe(BigInt(json.total));
  });
});
