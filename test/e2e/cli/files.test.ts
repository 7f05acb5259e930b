/**
 * Files that are not a readable .xlsx (test/fixtures/files, made by its generate.js): each is
 * refused with exit 2, a message that names the file and says in plain Swedish or English
 * what it is, never a zip library's own words, and nothing written.
 */
import { existsSync, mkdirSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { run } from "../../../src/cli/main";

const FILES = path.join(__dirname, "../../fixtures/files");
/** Words of ExcelJS, JSZip and Node that must never reach a user. */
const INTERNALS =
  /central directory|zip file|signature|jszip|Corrupted|ENOENT|EISDIR|TypeError|Error:|\bat\s/i;

const CASES: [string, RegExp, RegExp][] = [
  [
    "error-file-opendocument.ods",
    /error-file-opendocument\.ods är inte en Excel-arbetsbok \(\.xlsx\) utan ett OpenDocument-kalkylblad \(\.ods, t\.ex\. från LibreOffice\)\. Öppna den i Excel \(eller LibreOffice\) och spara den som Excel-arbetsbok \(\.xlsx\)\./,
    /error-file-opendocument\.ods is not an Excel workbook \(\.xlsx\) but an OpenDocument spreadsheet/,
  ],
  [
    "error-file-ods-renamed.xlsx",
    /error-file-ods-renamed\.xlsx är inte en Excel-arbetsbok \(\.xlsx\) utan ett OpenDocument-kalkylblad/,
    /is not an Excel workbook \(\.xlsx\) but an OpenDocument spreadsheet/,
  ],
  [
    "error-file-old-excel.xls",
    /error-file-old-excel\.xls är inte en Excel-arbetsbok \(\.xlsx\) utan en arbetsbok i det gamla Excel 97–2003-formatet \(\.xls\)\./,
    /but a workbook in the old Excel 97–2003 format \(\.xls\)\. Open it in Excel/,
  ],
  [
    "error-file-password.xlsx",
    /error-file-password\.xlsx är lösenordsskyddad och kan inte läsas\. Öppna den i Excel, ta bort lösenordet/,
    /error-file-password\.xlsx is password-protected and cannot be read\./,
  ],
  [
    "error-file-damaged.xlsx",
    /error-file-damaged\.xlsx ser ut som en Excel-arbetsbok men är skadad/,
    /error-file-damaged\.xlsx looks like an Excel workbook but is damaged/,
  ],
  [
    "error-file-csv.xlsx",
    /error-file-csv\.xlsx är inte en Excel-arbetsbok \(\.xlsx\) utan en textfil \(t\.ex\. CSV\)\./,
    /but a text file \(e\.g\. CSV\)\./,
  ],
  [
    "error-file-pdf.pdf",
    /error-file-pdf\.pdf är inte en Excel-arbetsbok \(\.xlsx\) utan en PDF-fil\./,
    /error-file-pdf\.pdf is not an Excel workbook \(\.xlsx\) but a PDF file\./,
  ],
  [
    "error-file-empty.xlsx",
    /error-file-empty\.xlsx är tom \(0 byte\)/,
    /error-file-empty\.xlsx is empty \(0 bytes\)/,
  ],
];

describe.each(CASES)("%s", (file, sv, en) => {
  const input = path.join(FILES, file);

  test("is refused in Swedish, the file named, nothing written", async () => {
    const output = path.join(mkdtempSync(path.join(tmpdir(), "sb-files-")), "out.xlsx");
    const result = await run(["allocate", input, "--total", "1000", "--output", output]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(sv);
    expect(result.stderr).toContain(input);
    expect(result.stderr).not.toMatch(INTERNALS);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(output)).toBe(false);
  });

  test("in English with --lang en, and as JSON", async () => {
    const result = await run(["allocate", input, "--total", "1000", "--lang", "en", "--json"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(en);
    expect(result.stderr).not.toMatch(INTERNALS);
    expect(JSON.parse(result.stdout)).toEqual({
      errors: [{ cell: null, message: result.stderr.trim() }],
    });
  });
});

test("a missing file and a folder are named and said so", async () => {
  const missing = await run(["allocate", "/nonexistent/in.xlsx", "--total", "5", "--lang", "en"]);
  expect(missing.stderr).toBe("Cannot read /nonexistent/in.xlsx: there is no such file.\n");
  const folder = mkdtempSync(path.join(tmpdir(), "sb-dir-"));
  const dir = await run(["allocate", folder, "--total", "5"]);
  expect(dir.exitCode).toBe(2);
  expect(dir.stderr).toBe(`Kan inte läsa ${folder}: det är en mapp, inte en fil.\n`);
});

test("an output into a folder that does not exist names the folder, not ENOENT", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sb-out-"));
  const output = path.join(dir, "saknas", "out.xlsx");
  const input = path.join(__dirname, "../../fixtures/allocation/good-equal-keys.xlsx");
  const result = await run(["allocate", input, "--total", "300", "--output", output]);
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toBe(
    `Kan inte skriva ${output}: mappen ${path.join(dir, "saknas")} finns inte.\n`
  );
  mkdirSync(path.join(dir, "saknas"));
  expect((await run(["allocate", input, "--total", "300", "--output", output])).exitCode).toBe(0);
});
