/**
 * The Återrapportering step in a real browser (see harness.ts): open the tab with the
 * keyboard, read a ledger sheet in blocks, see the flagged rows, accept one, write, and check
 * the workbook through the Excel double: our two sheets written, the user's sheets untouched,
 * and every request of a 20 000-row ledger under 4 MB with the progress bar shown.
 */
import { join } from "path";
import type { Page } from "playwright-core";
import { sampleLedger } from "../../../src/core/jobs/report-back/sample";
import { ARTIFACTS, type RunRecord, openPane, snapshot, status, usePane } from "./harness";

usePane();

type Cells = (string | number | null)[][];

function ledgerCells(): Cells {
  return sampleLedger().values as Cells;
}

/** A ledger of `rows` postings: the sample's postings repeated, the closing "Summa" row left out. */
function largeLedger(rows: number): Cells {
  const [header, ...body] = ledgerCells();
  const postings = body.slice(0, -1);
  return [header, ...Array.from({ length: rows }, (_, i) => postings[i % postings.length])];
}

const USERS_SHEET: Cells = [["Mina anteckningar"], ["Budget", 700000]];

async function reportRunsDuring(page: Page, action: () => Promise<void>): Promise<RunRecord[]> {
  const before = await page.evaluate(() => window.__officeDouble.runs.length);
  await action();
  await page.waitForFunction(
    () => document.querySelector("#panel-report")?.getAttribute("aria-busy") === "false"
  );
  return page.evaluate((from) => window.__officeDouble.runs.slice(from), before);
}

async function openReportTab(page: Page): Promise<void> {
  // Keyboard only: focus the selected tab, arrow to Återrapportering.
  await page.locator("#tab-allocate").focus();
  await page.keyboard.press("End");
  expect(await page.locator("#tab-report").getAttribute("aria-selected")).toBe("true");
  expect(await page.locator("#panel-report").isVisible()).toBe(true);
}

async function fillGrant(page: Page): Promise<void> {
  await page.getByLabel("Erhållet belopp (kr)").fill("700 000");
  await page.getByLabel("Bidragsår").fill("2026");
  await page.getByLabel("Ansvar/kostnadsställe").fill("1510");
  await page.getByLabel("Projekt").fill("HS26");
}

describe("the Återrapportering step in Chromium with an Excel double", () => {
  test("reads a ledger, lists flagged rows, accepts one, writes the report and the mapping", async () => {
    const { page, errors } = await openPane({
      sheets: [
        { name: "Huvudbok", cells: ledgerCells() },
        { name: "Kommentarer", cells: USERS_SHEET },
      ],
      activeSheet: "Huvudbok",
      selection: "A1",
    });
    const ledgerBefore = await snapshot(page, "Huvudbok");
    const usersBefore = await snapshot(page, "Kommentarer");
    await openReportTab(page);
    expect(await page.getByLabel("Blad med huvudboken").inputValue()).toBe("Huvudbok");
    await fillGrant(page);

    const readRuns = await reportRunsDuring(page, () =>
      page.getByRole("button", { name: "Läs och kontrollera" }).click()
    );
    expect(readRuns.length).toBeGreaterThanOrEqual(2);
    expect(await status(page)).toMatch(/rader lästa från en huvudbok; 3 flaggade/);
    const flagged = page.locator("#rep-flagged li");
    expect(await flagged.count()).toBe(3);
    expect(await flagged.nth(1).innerText()).toMatch(/Huvudbok!/);
    const summary = () => page.locator("#rep-summary-table").innerText();
    const before = await summary();

    // Accept the consultant booked on another cost centre, by keyboard.
    const accept = page.getByRole("checkbox", { name: /Godkänn raden Huvudbok!G\d+/ }).nth(1);
    await accept.focus();
    await page.keyboard.press("Space");
    expect(await accept.isChecked()).toBe(true);
    expect(await summary()).not.toBe(before);
    expect(await page.evaluate(() => window.__officeDouble.sheetNames())).toEqual([
      "Huvudbok",
      "Kommentarer",
    ]);
    await page.screenshot({ path: join(ARTIFACTS, "pane-report-sv.png"), fullPage: true });

    const writeRuns = await reportRunsDuring(page, () =>
      page.getByRole("button", { name: "Skriv återrapporteringen" }).click()
    );
    expect(writeRuns.length).toBeGreaterThanOrEqual(2);
    expect(await status(page)).toMatch(/Återrapporteringen skrevs på bladet 'Återrapportering'/);
    expect(await page.evaluate(() => window.__officeDouble.sheetNames())).toEqual([
      "Huvudbok",
      "Kommentarer",
      "Återrapportering",
      "Kontoindelning",
    ]);
    const report = await page.evaluate(() => window.__officeDouble.read("Återrapportering"));
    const flat = report.values.flat().map(String);
    expect(flat.some((v) => /Huvudbok!G\d+/.test(v))).toBe(true);
    expect(report.formulas.flat().some((f) => String(f).startsWith("=SUMIF"))).toBe(true);
    expect(await snapshot(page, "Huvudbok")).toBe(ledgerBefore);
    expect(await snapshot(page, "Kommentarer")).toBe(usersBefore);

    // A second write keeps the (user's) mapping sheet: only the report is replaced.
    await page.evaluate(() => window.__officeDouble.setCell("Kontoindelning", "C40", "min rad"));
    const mappingBefore = await snapshot(page, "Kontoindelning");
    await reportRunsDuring(page, () =>
      page.getByRole("button", { name: "Skriv återrapporteringen" }).click()
    );
    expect(await snapshot(page, "Kontoindelning")).toBe(mappingBefore);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a 20 000-row ledger is read in blocks under 4 MB each, with progress; cancel writes nothing", async () => {
    const { page, errors } = await openPane({
      sheets: [{ name: "Huvudbok", cells: largeLedger(20_000) }],
      syncDelayMs: 150,
      activeSheet: "Huvudbok",
      selection: "A1",
    });
    await openReportTab(page);
    await fillGrant(page);

    // Cancel as soon as the progress bar shows a value: nothing is kept, nothing written.
    await page.getByRole("button", { name: "Läs och kontrollera" }).click();
    await page.waitForFunction(
      () => document.querySelector<HTMLProgressElement>("#progress")?.value
    );
    await page.getByRole("button", { name: "Avbryt läsningen" }).click();
    await page.waitForFunction(
      () => document.querySelector("#panel-report")?.getAttribute("aria-busy") === "false"
    );
    expect(await status(page)).toBe("Läsningen avbröts. Inget har skrivits.");
    expect(await page.locator("#rep-summary-table").count()).toBe(0);
    expect(await page.evaluate(() => window.__officeDouble.sheetNames())).toEqual(["Huvudbok"]);

    const seen: number[] = [];
    const runs = await reportRunsDuring(page, async () => {
      await page.getByRole("button", { name: "Läs och kontrollera" }).click();
      while (seen.length < 2) {
        const value = await page.evaluate(
          () => document.querySelector<HTMLProgressElement>("#progress")?.value ?? 0
        );
        if (value > 0 && !seen.includes(value)) seen.push(value);
        if ((await page.locator("#panel-report").getAttribute("aria-busy")) === "false") break;
      }
    });
    expect(seen.length).toBeGreaterThanOrEqual(1);
    const blockRun = runs[0];
    expect(blockRun.syncs).toBeGreaterThan(2);
    const largest = Math.max(...runs.flatMap((r) => [...r.responseBytes, ...r.requestBytes]));
    expect(largest).toBeLessThan(4_000_000);
    expect(await status(page)).toMatch(/^20001 rader lästa/);

    const writeRuns = await reportRunsDuring(page, () =>
      page.getByRole("button", { name: "Skriv återrapporteringen" }).click()
    );
    const largestWrite = Math.max(...writeRuns.flatMap((r) => r.requestBytes));
    expect(await status(page)).toMatch(/Återrapporteringen skrevs/);
    // Writing is one request per sheet here; say how large it was when it is not under the limit.
    expect({ largestWrite, under: largestWrite < 4_000_000 }).toMatchObject({ under: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
