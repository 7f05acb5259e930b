// The runner on a 290-municipality workbook: allocate and requisitions, each against
// ExcelJS only reading the same file (our overhead on a normal job).
const fs = require("fs");
const os = require("os");
const path = require("path");
const { performance } = require("perf_hooks");
const ExcelJS = require("exceljs");
const { row, figure } = require("./table");
const { run } = require("../lib/cli/main");

async function best(fn, times = 5) {
  await fn();
  let fastest = Infinity;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await fn();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

module.exports = async function runner() {
  let seed = 20260202;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "statsbidrag-bench-"));
  const file = path.join(dir, "kommuner.xlsx");
  const workbook = new ExcelJS.Workbook();
  const maxima = workbook.addWorksheet("Fördelningslista");
  const requisitions = workbook.addWorksheet("Rekvisitioner");
  maxima.addRow(["Kommunkod", "Kommun", "Antal invånare 80+", "Maxbelopp"]);
  requisitions.addRow(["Kommun", "Rekvirerat belopp", "Datum"]);
  for (let i = 0; i < 290; i++) {
    const key = Math.floor(200 + random() * 60000);
    const code = String(1000 + i * 7).padStart(4, "0");
    maxima.addRow([code, `Kommun ${i + 1}`, key, key * 10]);
    requisitions.addRow([code, Math.floor(key * 10 * (0.5 + random())), "2026-03-16"]);
  }
  await workbook.xlsx.writeFile(file);
  const exceljs = figure(
    "ExcelJS only reading it",
    await best(() => new ExcelJS.Workbook().xlsx.readFile(file)),
    "ms"
  );
  const allocate = await best(() =>
    run([
      "allocate",
      file,
      "--sheet",
      "Fördelningslista",
      "--total",
      "90000000",
      "--name-column",
      "Kommun",
      "--key-column",
      "Antal invånare 80+",
      "--json",
    ])
  );
  row("runner: allocate 290 municipalities (--json)", allocate, "ms", exceljs, 2);
  const check = await best(() =>
    run([
      "requisitions",
      file,
      "--maxima-sheet",
      "Fördelningslista",
      "--requisitions-sheet",
      "Rekvisitioner",
      "--redistribute",
      "--json",
    ])
  );
  row("runner: requisitions 290 municipalities (--json)", check, "ms", exceljs, 2);
  fs.rmSync(dir, { recursive: true, force: true });
};
