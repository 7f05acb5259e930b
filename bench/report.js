// Report-back: core on a 100 000-row ledger, the runner against ExcelJS reading the same
// file (our overhead), and the runner's peak memory in a process of its own.
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { performance } = require("perf_hooks");
const ExcelJS = require("exceljs");
const { row, figure } = require("./table");
const { time } = require("./measure");
const { runReport } = require("../lib/core/jobs/report-back/report");
const { reportCommand } = require("../lib/cli/report-command");

const ROWS = 100_000;
const ACCOUNTS = [5011, 5611, 7490, 6110, 6510, 3010];

function ledgerValues() {
  const values = [["Bokföringsdatum", "Konto", "Ansvar", "Projekt", "Text", "Belopp"]];
  for (let i = 0; i < ROWS; i++)
    values.push([
      46023 + (i % 365),
      ACCOUNTS[i % ACCOUNTS.length],
      i % 97 === 0 ? "1520" : "1510",
      "HS26",
      i % 501 === 0 ? "Sommaraktivitet" : `Post ${i % 300}`,
      ((i * 7919) % 1_000_000) / 100,
    ]);
  return values;
}

async function best(fn, times = 2) {
  let fastest = Infinity;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await fn();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

module.exports = async function report() {
  const values = ledgerValues();
  const grid = { sheet: "Huvudbok", top: 0, left: 0, values };
  const request = { received: "5000000", year: 2026, costCentres: ["1510"], projects: ["HS26"] };
  row(
    "report-back core, 100 000-row ledger (read, flag, sum)",
    time(() => runReport([grid], request), { batches: 3, minMs: 0, warmup: 1 }),
    "ms",
    null,
    1000
  );

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "statsbidrag-bench-"));
  const file = path.join(dir, "ledger.xlsx");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Huvudbok");
  values.forEach((line, r) =>
    sheet.addRow(
      r === 0 ? line : [new Date(Date.UTC(1899, 11, 30) + line[0] * 86_400_000), ...line.slice(1)]
    )
  );
  await workbook.xlsx.writeFile(file);
  const exceljs = figure(
    "ExcelJS only reading it",
    await best(() => new ExcelJS.Workbook().xlsx.readFile(file)),
    "ms"
  );
  const runner = await best(() =>
    reportCommand({
      input: file,
      ledgerSheets: [],
      received: "5000000",
      year: "2026",
      costCentres: ["1510"],
      projects: ["HS26"],
      accept: [],
      json: true,
      lang: "sv",
      date: "2027-01-15",
    })
  );
  const peak = runnerPeakMemory(file);
  fs.rmSync(dir, { recursive: true, force: true });
  row("report runner --json, same 100 000-row .xlsx", runner, "ms", exceljs, 1.5);
  row("report runner's peak memory (max RSS), same file, own process", peak, "MiB", null, 2048);
};

/**
 * The runner's peak memory, as a user's `statsbidrag report` has it: measured in a process of
 * its own, since this one holds the ledger, its .xlsx and every earlier section's garbage.
 */
function runnerPeakMemory(file) {
  const script = `
    const { reportCommand } = require(${JSON.stringify(require.resolve("../lib/cli/report-command"))});
    reportCommand({
      input: ${JSON.stringify(file)}, ledgerSheets: [], received: "5000000", year: "2026",
      costCentres: ["1510"], projects: ["HS26"], accept: [], json: true, lang: "sv",
      date: "2027-01-15",
    }).then((out) => {
      if (out.exitCode !== 0) throw new Error(out.stderr);
      process.stdout.write(String(process.resourceUsage().maxRSS / 1024));
    });`;
  const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`the runner failed: ${child.stderr}`);
  return Number(child.stdout);
}
