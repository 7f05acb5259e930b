// Each job through an Excel double, as the pane runs it: the production dist/ served from
// 127.0.0.1 to headless Chromium, Office.js replaced by the browser tests' double (the shared
// workbook model, then office-double.js), each step driven by its buttons. The figures are the
// double's run records: syncs per Excel.run and the JSON bytes of each request and response.
// Also the pane's time to first contentful paint. Needs Chromium and a built dist/; without
// them the section says so and adds no rows.
const fs = require("fs");
const os = require("os");
const path = require("path");
const {
  CHROMIUM,
  CHROMIUM_FLAGS,
  DOUBLE_SOURCE,
  OFFICE_JS,
  originOf,
  serveStatic,
} = require("../test/e2e/browser/pane-server");
const { row } = require("./table");
const data = require("./data");
const { sampleLedger } = require("../lib/core/jobs/report-back/sample");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const RECIPIENTS = 290;
const LEDGER_ROWS = 100_000;
// Bytes as the browser tests count them: 4 MB is 4 000 000 bytes of JSON.
const MB = 1_000_000;

/** A fresh page of the pane over a workbook described as the browser tests' double config. */
async function openPane(context, origin, config) {
  const page = await context.newPage();
  const full = { displayLanguage: "sv-SE", activeSheet: config.sheets[0].name, ...config };
  await page.route(OFFICE_JS, (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/javascript; charset=utf-8",
      body: `window.__officeDoubleConfig = ${JSON.stringify(full)};\n${DOUBLE_SOURCE}`,
    })
  );
  await page.goto(`${origin}/taskpane.html`);
  await page.locator("#use-selection").waitFor();
  await page.waitForFunction(
    () =>
      window.__officeDouble.runs.length > 0 &&
      document.querySelector("#panel-allocate").getAttribute("aria-busy") === "false"
  );
  return page;
}

/** The Excel.run records `action` caused, once `panel` is no longer busy. */
async function runsDuring(page, panel, action) {
  const before = await page.evaluate(() => window.__officeDouble.runs.length);
  await action();
  await page.waitForFunction(
    (selector) => document.querySelector(selector).getAttribute("aria-busy") === "false",
    panel,
    { timeout: 600_000 }
  );
  return page.evaluate((from) => window.__officeDouble.runs.slice(from), before);
}

const syncs = (runs) => runs.reduce((n, run) => n + run.syncs, 0);
const largest = (runs, field) => Math.max(0, ...runs.flatMap((run) => run[field]));

async function allocation(context, origin) {
  const names = data.names(RECIPIENTS);
  const keys = data.keys(RECIPIENTS);
  const page = await openPane(context, origin, {
    sheets: [
      {
        name: "Fördelningslista",
        cells: [["Kommun", "Antal invånare 80+"], ...names.map((n, i) => [n, keys[i]])],
      },
    ],
    selection: `A1:B${RECIPIENTS + 1}`,
  });
  const read = await runsDuring(page, "#panel-allocate", () =>
    page.getByRole("button", { name: "Använd markering" }).click()
  );
  await page.getByLabel("Belopp att fördela (kr)").fill("90 000 000");
  const write = await runsDuring(page, "#panel-allocate", () =>
    page.getByRole("button", { name: "Skriv tabell" }).click()
  );
  const done = await page.locator("#status").innerText();
  // Writing again: the owned sheet exists now (issue 14 asks for one sync then).
  const again = await runsDuring(page, "#panel-allocate", () =>
    page.getByRole("button", { name: "Skriv tabell" }).click()
  );
  const doneAgain = await page.locator("#status").innerText();
  await page.close();
  for (const status of [done, doneAgain])
    if (!/skrevs/.test(status)) throw new Error(`allocation did not write: ${status}`);
  const label = `allocation, ${RECIPIENTS} recipients, in Chromium`;
  row(`${label}: syncs to read the selection`, syncs(read), "syncs", null, 1);
  // Each write is two Excel.runs: the table, then its Körlogg row (find, read, write the log).
  if (write.length !== 2 || again.length !== 2)
    throw new Error(`expected the table and its log row: ${write.length}, ${again.length} runs`);
  row(`${label}: syncs to write the table (new sheet)`, write[0].syncs, "syncs", null, 2);
  row(`${label}: syncs to write it again (sheet exists)`, again[0].syncs, "syncs", null, 1);
  row(`${label}: syncs to append the Körlogg row`, again[1].syncs, "syncs", null, 3);
  row(
    `${label}: largest request`,
    largest([...read, ...write, ...again], "requestBytes") / 1024,
    "KB"
  );
}

async function requisitions(context, origin) {
  const names = data.names(RECIPIENTS);
  const maxima = data.keys(RECIPIENTS).map((k) => k * 100);
  const received = names.map((name, i) => [
    name,
    i % 10 === 3 ? maxima[i] + 1000 : maxima[i] - (i % 7) * 100,
    `2026-03-${String(1 + (i % 28)).padStart(2, "0")}`,
  ]);
  const page = await openPane(context, origin, {
    sheets: [
      {
        name: "Maxbelopp",
        cells: [["Kommun", "Maxbelopp"], ...names.map((n, i) => [n, maxima[i]])],
      },
      { name: "Inkomna", cells: [["Mottagare", "Rekvirerat belopp", "Inkom"], ...received] },
    ],
    selection: `A1:B${RECIPIENTS + 1}`,
    tables: [{ name: "Inkomna", sheet: "Inkomna", address: `A1:C${RECIPIENTS + 1}` }],
  });
  const panel = "#panel-requisitions";
  await page.getByRole("tab", { name: "Rekvisitioner" }).click();
  await page.locator(panel).waitFor({ state: "visible" });
  await page.waitForFunction(
    (selector) => document.querySelector(selector).getAttribute("aria-busy") === "false",
    panel
  );
  const readMaxima = await runsDuring(page, panel, () =>
    page
      .getByRole("group", { name: "Maxbelopp" })
      .getByRole("button", { name: "Använd markering" })
      .click()
  );
  const picker = page
    .getByRole("group", { name: "Rekvisitioner" })
    .getByLabel("Eller välj en Excel-tabell");
  await picker.focus();
  await picker.selectOption("Inkomna");
  await page.keyboard.press("Tab");
  const readTable = await runsDuring(page, panel, () => page.keyboard.press("Enter"));
  await page.getByLabel("Sista dag för rekvisition").fill("2026-03-31");
  const write = await runsDuring(page, panel, () =>
    page.getByRole("button", { name: "Skriv tabell" }).click()
  );
  const done = await page.locator("#status").innerText();
  await page.close();
  if (!/skrevs/.test(done)) throw new Error(`requisitions did not write: ${done}`);
  const label = `requisitions, ${RECIPIENTS} recipients, in Chromium`;
  row(
    `${label}: syncs to read maxima and requisitions`,
    syncs([...readMaxima, ...readTable]),
    "syncs"
  );
  row(`${label}: syncs to write the table`, syncs(write), "syncs");
  row(
    `${label}: largest request`,
    largest([...readMaxima, ...readTable, ...write], "requestBytes") / 1024,
    "KB"
  );
}

function ledger(rows) {
  const [header, ...body] = sampleLedger().values;
  const postings = body.slice(0, -1); // the sample's closing "Summa" row left out
  return [header, ...Array.from({ length: rows }, (_, i) => postings[i % postings.length])];
}

async function reportBack(context, origin) {
  const page = await openPane(context, origin, {
    sheets: [{ name: "Huvudbok", cells: ledger(LEDGER_ROWS) }],
    selection: "A1",
  });
  const panel = "#panel-report";
  await page.getByRole("tab", { name: "Återrapportering" }).click();
  await page.locator(panel).waitFor({ state: "visible" });
  await page.getByLabel("Erhållet belopp (kr)").fill("700 000");
  await page.getByLabel("Bidragsår").fill("2026");
  await page.getByLabel("Ansvar/kostnadsställe").fill("1510");
  await page.getByLabel("Projekt").fill("HS26");
  const read = await runsDuring(page, panel, () =>
    page.getByRole("button", { name: "Läs och kontrollera" }).click()
  );
  const write = await runsDuring(page, panel, () =>
    page.getByRole("button", { name: "Skriv återrapporteringen" }).click()
  );
  const done = await page.locator("#status").innerText();
  await page.close();
  if (!/skrevs/.test(done)) throw new Error(`report-back did not write: ${done}`);
  const label = "report-back, 100 000-row ledger read in blocks, in Chromium";
  row(`${label}: syncs to read`, syncs(read), "syncs");
  row(`${label}: syncs to write`, syncs(write), "syncs");
  row(
    `${label}: largest request while reading`,
    largest(read, "requestBytes"),
    "bytes",
    null,
    4 * MB
  );
  row(
    `${label}: largest request while writing`,
    largest(write, "requestBytes") / MB,
    "MB",
    null,
    4
  );
  row(`${label}: largest response (a block read)`, largest(read, "responseBytes") / MB, "MB");
}

/** Time to first contentful paint of the pane (best of a few fresh pages). */
async function firstPaint(context, origin) {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const page = await openPane(context, origin, { sheets: [{ name: "Blad1", cells: [["a"]] }] });
    const fcp = await page.evaluate(() => {
      const entry = performance.getEntriesByName("first-contentful-paint")[0];
      return entry ? entry.startTime : null;
    });
    await page.close();
    if (fcp !== null) best = Math.min(best, fcp);
  }
  row(
    "task pane first contentful paint, headless Chromium (best of 5)",
    best === Infinity ? NaN : best,
    "ms"
  );
}

module.exports = async function excel() {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(
      `(Chromium not found at ${CHROMIUM}: skipping the jobs through the Excel double and the pane's first paint)`
    );
    return;
  }
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    console.log("(dist/ missing: run `npm run build` to bench the jobs through the Excel double)");
    return;
  }
  const { chromium } = require("playwright-core");
  const server = await serveStatic(DIST);
  const origin = originOf(server);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "statsbidrag-bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 350, height: 900 },
  });
  try {
    for (const job of [firstPaint, allocation, requisitions, reportBack]) {
      try {
        await job(context, origin);
      } catch (error) {
        // A step that cannot be driven is reported, not fatal: the rest of the bench still runs.
        console.log(
          `(${job.name} through the Excel double failed: ${error.message.split("\n")[0]})`
        );
      }
    }
  } finally {
    await context.close();
    await new Promise((done) => server.close(done));
    fs.rmSync(profile, { recursive: true, force: true });
  }
};
