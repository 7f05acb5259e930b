// Speed, memory and size against the budgets in DESIGN.md. Prints figures and ratios;
// never fails a build on timing (timings vary by machine), but exits 1 if a budget is
// exceeded by more than 2x so a real regression is noticed when someone runs it.
const { performance } = require("perf_hooks");
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { Decimal } = require("../lib/core/money");
const { apportion } = require("../lib/core/apportion");
const { runAllocation } = require("../lib/core/allocation");
const { allocationSheet } = require("../lib/core/allocation-sheet");
const { parseNumberCell } = require("../lib/core/parse");

const results = [];

function measure(name, budgetMs, iterations, fn) {
  for (let i = 0; i < Math.min(iterations, 50); i++) fn(i); // warm up the JIT
  const start = performance.now();
  for (let i = 0; i < iterations; i++) fn(i);
  const perCall = (performance.now() - start) / iterations;
  results.push({ name, value: perCall, unit: "ms", budget: budgetMs });
}

// 290 municipalities with population-like keys (a fixed pseudo-random sequence).
let seed = 20260202;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const names = Array.from({ length: 290 }, (_, i) => `Kommun ${String(i + 1).padStart(3, "0")}`);
const keys = names.map(() => new Decimal(Math.floor(200 + random() * 60000)));
const pot = new Decimal(90_000_000);

measure("apportion 90 000 000 kr over 290 municipalities", 1, 2000, () =>
  apportion(pot, new Decimal(1), keys, names)
);

const grid = {
  sheet: "Fördelningslista",
  top: 0,
  left: 0,
  values: [["Kommun", "Antal invånare 80+"], ...names.map((n, i) => [n, keys[i].toNumber()])],
};
measure("whole allocation job from a 290-row grid (read, split, sheet model)", 5, 500, () => {
  const run = runAllocation(grid, { total: "90 000 000" });
  allocationSheet(run.result, {
    lang: "sv",
    date: "2026-11-25",
    nameHeader: "Kommun",
    keyHeader: "Antal",
    source: "x",
  });
});

const cells = Array.from({ length: 100_000 }, (_, i) =>
  i % 3 === 0 ? `${i} ${String(i % 1000).padStart(3, "0")},50 kr` : i % 3 === 1 ? i * 1.25 : `-${i}`
);
const heapBefore = process.memoryUsage().heapUsed;
measure("parse 100 000 amount cells (ledger-sized)", 1000, 3, () => {
  for (const cell of cells) parseNumberCell(cell);
});
const heapAfter = process.memoryUsage().heapUsed;
results.push({
  name: "heap growth while parsing 100 000 cells",
  value: Math.max(0, heapAfter - heapBefore) / 2 ** 20,
  unit: "MiB",
  budget: 200,
});

// Report-back: core on a 100 000-row ledger, and the runner against ExcelJS reading the same file.
const { runReport } = require("../lib/core/jobs/report-back/report");
const ledgerAccounts = [5011, 5611, 7490, 6110, 6510, 3010];
const ledgerValues = [["Bokföringsdatum", "Konto", "Ansvar", "Projekt", "Text", "Belopp"]];
for (let i = 0; i < 100_000; i++)
  ledgerValues.push([
    46023 + (i % 365),
    ledgerAccounts[i % ledgerAccounts.length],
    i % 97 === 0 ? "1520" : "1510",
    "HS26",
    i % 501 === 0 ? "Sommaraktivitet" : `Post ${i % 300}`,
    ((i * 7919) % 1_000_000) / 100,
  ]);
const ledgerGrid = { sheet: "Huvudbok", top: 0, left: 0, values: ledgerValues };
const reportRequest = {
  received: "5000000",
  year: 2026,
  costCentres: ["1510"],
  projects: ["HS26"],
};
measure("report-back core on a 100 000-row ledger (read, flag, sum)", 500, 5, () =>
  runReport([ledgerGrid], reportRequest)
);

async function runnerRatio() {
  const os = require("os");
  const ExcelJS = require("exceljs");
  const { reportCommand } = require("../lib/cli/report-command");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "statsbidrag-bench-"));
  const file = path.join(dir, "ledger.xlsx");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Huvudbok");
  ledgerValues.forEach((row, r) =>
    sheet.addRow(
      r === 0 ? row : [new Date(Date.UTC(1899, 11, 30) + row[0] * 86_400_000), ...row.slice(1)]
    )
  );
  await workbook.xlsx.writeFile(file);
  const best = async (fn) => {
    let fastest = Infinity;
    for (let i = 0; i < 2; i++) {
      const start = performance.now();
      await fn();
      fastest = Math.min(fastest, performance.now() - start);
    }
    return fastest;
  };
  const exceljs = await best(() => new ExcelJS.Workbook().xlsx.readFile(file));
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
  fs.rmSync(dir, { recursive: true, force: true });
  results.push({
    name: "report runner / ExcelJS read, same 100 000-row .xlsx (--json)",
    value: runner / exceljs,
    unit: "x",
    budget: 1.5,
  });
  results.push({
    name: "peak memory (max RSS) of this benchmark run",
    value: process.resourceUsage().maxRSS / 1024,
    unit: "MiB",
    budget: 2048,
  });
}

const bundle = path.join(__dirname, "../dist");
if (fs.existsSync(bundle)) {
  const gzip = fs
    .readdirSync(bundle)
    .filter((f) => /^taskpane.*\.(js|css|html)$/.test(f))
    .reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(bundle, f))).length, 0);
  results.push({
    name: "task pane bundle (html+js+css, gzip)",
    value: gzip / 1024,
    unit: "KB",
    budget: 150,
  });
} else {
  console.log("(dist/ missing: run `npm run build` to measure the pane bundle)");
}

function printResults() {
  let failed = false;
  console.log(
    "benchmark".padEnd(72) + "value".padStart(12) + "budget".padStart(12) + "ratio".padStart(8)
  );
  for (const r of results) {
    const ratio = r.value / r.budget;
    if (ratio > 2) failed = true;
    console.log(
      r.name.padEnd(72) +
        `${r.value.toFixed(r.value < 1 ? 4 : 1)} ${r.unit}`.padStart(12) +
        `${r.budget} ${r.unit}`.padStart(12) +
        `${ratio.toFixed(2)}x`.padStart(8)
    );
  }
  process.exitCode = failed ? 1 : 0;
}

runnerRatio().then(printResults, (error) => {
  console.error(error);
  process.exitCode = 1;
});
