/**
 * The Fördela step in a real browser (see harness.ts): walks the flow a finance officer takes
 * on the Stockholm table and checks what reaches the workbook, how many round trips it took,
 * that the user's own sheets are untouched, and that nothing left the machine.
 */
import { join } from "path";
import {
  ARTIFACTS,
  NBSP,
  POT,
  STOCKHOLM,
  expectOnlyLocalRequests,
  kronor,
  openPane,
  runsDuring,
  snapshot,
  status,
  stockholmSheet,
  usePane,
  writeDone,
} from "./harness";

usePane();

describe("the pane in Chromium with an Excel double", () => {
  test("on an Excel older than ExcelApi 1.7 it says what is missing and touches nothing", async () => {
    const { page, errors } = await openPane({ excelApi: "1.6" }, false);
    const message = page.locator("#startup-error");
    await message.waitFor();
    expect(await message.innerText()).toContain("saknar ExcelApi 1.7");
    expect(await page.evaluate(() => window.__officeDouble.runs.length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("allocates the Stockholm grant from a selection, writes our own sheet, leaves the user's sheets alone", async () => {
    const { page, requests, errors } = await openPane();
    const blad1Before = await snapshot(page, "Blad1");
    const usersSheetBefore = await snapshot(page, "Fördelning");

    // Swedish by default; the Fördela panel is open and the others are hidden.
    expect(await page.locator("html").getAttribute("lang")).toBe("sv");
    expect(await page.locator("#panel-allocate").isVisible()).toBe(true);
    expect(await page.locator("#panel-requisitions").isHidden()).toBe(true);

    const readRuns = await runsDuring(page, () =>
      page.getByRole("button", { name: "Använd markering" }).click()
    );
    expect(readRuns).toHaveLength(1);
    expect(readRuns[0].syncs).toBeLessThanOrEqual(1);
    expect(await status(page)).toBe("Läste Blad1!A1:D12: 11 mottagare.");
    expect(await page.locator("#source-info").innerText()).toBe("Källa: Blad1!A1:D12");
    expect(await page.locator("#header-info").innerText()).toContain("A1:D1");
    expect(await page.locator("#header-info").innerText()).toContain("Förslag på fördelning");

    // "Förslag på fördelning" is no key word core knows: the pane says so by the key column, and the user picks it.
    expect(await page.locator("#error-keyColumn").innerText()).toContain("ingen nyckelkolumn");
    expect(await page.getByLabel("Namnkolumn").inputValue()).toBe("0");
    await page.getByLabel("Nyckelkolumn").selectOption({ label: "D: Förslag på fördelning" });
    await expect(page.locator("#error-keyColumn").isHidden()).resolves.toBe(true);
    expect(await page.getByRole("checkbox", { name: "B: Beställarenhet" }).isChecked()).toBe(true);
    expect(await page.getByRole("checkbox", { name: "C: Förebyggande enhet" }).isChecked()).toBe(
      true
    );

    await page.getByLabel("Belopp att fördela (kr)").fill("6 069 306");
    await page.getByRole("button", { name: "Lägg till avsättning" }).click();
    // The new reserve's name field has the focus, so the user can type straight on.
    await page.keyboard.type("Äldreförvaltningen");
    await page.getByLabel("Belopp för avsättning 1 (kr)").fill("400 000");

    // The preview before writing: every district, the reserve, and a total equal to the pot.
    const previewRows = await page
      .locator(".preview-table tbody tr")
      .evaluateAll((rows) =>
        rows.map((row) => Array.from(row.querySelectorAll("td")).map((td) => td.textContent ?? ""))
      );
    expect(previewRows.map((cells) => [cells[0], cells[2]])).toEqual([
      ...STOCKHOLM.map(([name, amount]) => [name, kronor(amount)]),
      ["Äldreförvaltningen (avsättning)", kronor(400000)],
    ]);
    expect(await page.locator(".preview-table tfoot td").last().innerText()).toBe(kronor(POT));
    expect(await page.locator("#preview .hint").innerText()).toBe("Ingen avrundning behövdes.");
    expect(await page.locator("#problems").isHidden()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "pane-sv.png"), fullPage: true });

    const writeRuns = await runsDuring(page, () =>
      page.getByRole("button", { name: "Skriv tabell" }).click()
    );
    // The table (look up the sheets, write), then its Körlogg row (read the log, write it).
    expect(writeRuns.map((r) => r.syncs)).toEqual([2, 2]);
    expect(Math.max(...writeRuns.flatMap((r) => r.requestBytes))).toBeLessThan(100_000);
    expect(await status(page)).toBe(
      "Tabellen skrevs till bladet 'Fördelning (2)' ('Fördelning (2)'!A3:D16)."
    );

    // The user's "Fördelning" is not ours: the output went to a new sheet, and nothing else changed.
    expect(await page.evaluate(() => window.__officeDouble.sheetNames())).toEqual([
      "Blad1",
      "Fördelning",
      "Fördelning (2)",
      "Körlogg",
    ]);
    // The log is written beside the table; the user is left looking at the table.
    expect(await page.evaluate(() => window.__officeDouble.activeSheet())).toBe("Fördelning (2)");
    const log = await page.evaluate(() => window.__officeDouble.read("Körlogg"));
    expect(log.values).toHaveLength(2);
    const [nr, , job, source, commandLine, recipients, inputSha, total, resultSha] = log.values[1];
    expect([nr, job, source, recipients, total]).toEqual([1, "allocate", "Blad1!A1:D12", 11, POT]);
    expect(String(commandLine).replace(/ --date \d{4}-\d\d-\d\d$/, "")).toBe(
      "statsbidrag allocate arbetsbok.xlsx --sheet Blad1 --range A1:D12 --total '6 069 306'" +
        " --reserve 'Äldreförvaltningen=400 000' --unit 1" +
        " --name-column Stadsdelsförvaltning --key-column 'Förslag på fördelning'" +
        " --interest-column Beställarenhet --interest-column 'Förebyggande enhet'" +
        " --lang sv"
    );
    expect(inputSha).toMatch(/^[0-9a-f]{64}$/);
    expect(resultSha).toMatch(/^[0-9a-f]{64}$/);
    expect(await snapshot(page, "Blad1")).toBe(blad1Before);
    expect(await snapshot(page, "Fördelning")).toBe(usersSheetBefore);

    const written = await page.evaluate(() => window.__officeDouble.read("Fördelning (2)"));
    expect(written.values[2].slice(0, 4)).toEqual([
      "Stadsdelsförvaltning",
      "Förslag på fördelning",
      "Andel",
      "Belopp (kr)",
    ]);
    expect(written.values.slice(3, 14).map((row) => [row[0], row[3]])).toEqual(STOCKHOLM);
    expect(written.values[14].slice(0, 4)).toEqual(["Äldreförvaltningen", "", "", 400000]);
    expect(written.values[15][0]).toBe("Summa");
    expect(written.formulas[15][3]).toBe("=SUM(D4:D15)");
    expect(written.values[15][3]).toBe(POT);
    const amounts = written.values.slice(3, 15).map((row) => row[3] as number);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(POT);
    expect(await page.evaluate(() => window.__officeDouble.names())).toEqual([
      { name: "Statsbidrag_allocation", sheet: "Fördelning (2)" },
      { name: "Statsbidrag_runlog", sheet: "Körlogg" },
    ]);
    expect(await page.evaluate(() => window.__officeDouble.settings())).toMatchObject({
      "statsbidrag.allocation": {
        sourceAddress: "Blad1!A1:D12",
        keyHeader: "Förslag på fördelning",
        total: "6 069 306",
      },
    });

    // Re-running (rounded to 1 000 kr this time) replaces our sheet only.
    // Scoped to the Fördela panel: the Rekvisitioner panel (hidden) has its own.
    await page.locator("#panel-allocate").getByLabel("Avrunda till").selectOption("1000");
    const rerunRuns = await runsDuring(page, () =>
      page.getByRole("button", { name: "Skriv tabell" }).click()
    );
    // Our sheet, written before in this session, is reached by its id: one round trip.
    // Then the log is found, read and written again with a second row.
    expect(rerunRuns.map((r) => r.syncs)).toEqual([1, 3]);
    expect(await page.evaluate(() => window.__officeDouble.sheetNames())).toEqual([
      "Blad1",
      "Fördelning",
      "Fördelning (2)",
      "Körlogg",
    ]);
    const relog = await page.evaluate(() => window.__officeDouble.read("Körlogg"));
    expect(relog.values.slice(1).map((row) => [row[0], row[2]])).toEqual([
      [1, "allocate"],
      [2, "allocate"],
    ]);
    expect(relog.values[2][4]).toContain("--unit 1000");
    const rewritten = await page.evaluate(() => window.__officeDouble.read("Fördelning (2)"));
    const rounded = rewritten.values.slice(3, 14).map((row) => row[3] as number);
    expect(rounded.every((amount) => amount % 1000 === 0)).toBe(true);
    // 306 kr is less than one unit: shown on its own row, and the SUM total is still the pot.
    expect(rewritten.values[15].slice(0, 4)).toEqual([
      "Ej fördelat (mindre än en avrundningsenhet)",
      "",
      "",
      306,
    ]);
    expect(rewritten.values[16][0]).toBe("Summa");
    expect(rewritten.formulas[16][3]).toBe("=SUM(D4:D16)");
    expect(rewritten.values[16][3]).toBe(POT);
    expect(await snapshot(page, "Blad1")).toBe(blad1Before);
    expect(await snapshot(page, "Fördelning")).toBe(usersSheetBefore);

    await page.getByRole("button", { name: "Markera tabellen för kopiering" }).click();
    await page.waitForFunction(
      () => window.__officeDouble.selection() === "'Fördelning (2)'!A3:D17"
    );
    expect(await status(page)).toContain("Ctrl+C");

    // Reading the source again goes by its address: one round trip, the user's selection stays put.
    const rereadRuns = await runsDuring(page, () =>
      page.getByRole("button", { name: "Läs Blad1!A1:D12 igen" }).click()
    );
    expect(rereadRuns.map((run) => run.syncs)).toEqual([1]);
    expect(await status(page)).toBe("Läste Blad1!A1:D12: 11 mottagare.");
    expect(await page.evaluate(() => window.__officeDouble.selection())).toBe(
      "'Fördelning (2)'!A3:D17"
    );

    expect(errors).toEqual([]);
    expectOnlyLocalRequests(requests);
    await page.close();
  });

  test("an invalid key names its cell, writes nothing, and the cell is a button that selects it", async () => {
    const { page, requests, errors } = await openPane();
    await page.evaluate(() => window.__officeDouble.setCell("Blad1", "D4", "tolv"));
    const blad1Before = await snapshot(page, "Blad1");
    await page.getByRole("button", { name: "Använd markering" }).click();
    await page.getByLabel("Nyckelkolumn").selectOption({ label: "D: Förslag på fördelning" });
    await page.getByLabel("Belopp att fördela (kr)").fill("6 069 306");

    const problem = page.locator("#problem-list li");
    await expect(problem.count()).resolves.toBe(1);
    expect(await problem.innerText()).toBe("Blad1!D4 'tolv' är inte ett tal.");

    const writeRuns = await runsDuring(
      page,
      () => page.getByRole("button", { name: "Skriv tabell" }).click(),
      "#panel-allocate",
      false
    );
    expect(writeRuns).toEqual([]);
    expect(await status(page)).toBe("Inget skrevs. Rätta felet ovan först.");
    expect(await page.evaluate(() => window.__officeDouble.sheetNames())).toEqual([
      "Blad1",
      "Fördelning",
    ]);
    expect(await snapshot(page, "Blad1")).toBe(blad1Before);
    expect(await page.evaluate(() => window.__officeDouble.settings())).toEqual({});
    await page.screenshot({ path: join(ARTIFACTS, "pane-sv-error.png"), fullPage: true });

    await page.getByRole("button", { name: "Gå till Blad1!D4" }).click();
    await page.waitForFunction(() => window.__officeDouble.selection() === "Blad1!D4");
    expect(errors).toEqual([]);
    expectOnlyLocalRequests(requests);
    await page.close();
  });

  test("an Excel table picked by name is read without its totals row", async () => {
    // The totals row has no label: read as a row, it would be a key without a name.
    const withTotals = [...stockholmSheet(), ["", "", "", "=SUBTOTAL(109,[Nyckel])"]];
    withTotals[0][3] = "Nyckel";
    const { page, errors } = await openPane({
      sheets: [{ name: "Blad1", cells: withTotals }],
      tables: [{ name: "Stadsdelar", sheet: "Blad1", address: "A1:D13", showTotals: true }],
      selection: "F1",
    });
    await page
      .locator("#panel-allocate")
      .getByLabel("Eller välj en Excel-tabell")
      .selectOption("Stadsdelar");
    const runs = await runsDuring(page, () =>
      page.getByRole("button", { name: "Läs tabellen" }).click()
    );
    expect(runs.map((run) => run.syncs)).toEqual([1]);
    expect(await status(page)).toBe("Läste Blad1!A1:D12: 11 mottagare.");
    await page.getByLabel("Belopp att fördela (kr)").fill("5669306");
    expect(await page.locator(".preview-table tfoot td").last().innerText()).toBe(
      `5${NBSP}669${NBSP}306`
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  test("speaks English when Office does", async () => {
    const { page, requests, errors } = await openPane({
      displayLanguage: "en-US",
      officeTheme: {
        bodyBackgroundColor: "#fffff0",
        bodyForegroundColor: "#101010",
        isDarkTheme: false,
      },
    });
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    // Office's theme colours replace the Fluent 2 light defaults.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      "rgb(255, 255, 240)"
    );
    expect(await page.getByRole("tab", { name: /Allocate/ }).getAttribute("aria-selected")).toBe(
      "true"
    );
    expect(await page.locator("#tab-report").innerText()).toContain("Report-back");
    // By keyboard: the selected tab first, then Use selection, activated with Enter.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-allocate");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("use-selection");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() =>
      document.querySelector("#status")?.textContent?.startsWith("Read ")
    );
    expect(await status(page)).toBe("Read Blad1!A1:D12: 11 recipients.");
    expect(await page.locator("#error-keyColumn").innerText()).toContain("has no key column");
    await page.getByLabel("Key column").selectOption("3");
    await page.getByLabel("Amount to allocate (SEK)").fill("6069306");
    expect(await page.locator(".preview-table tfoot td").last().innerText()).toBe("6,069,306");
    await page.getByRole("button", { name: "Write table" }).click();
    await writeDone(page, "Allocation");
    expect(await status(page)).toBe(
      "The table was written to the sheet Allocation (Allocation!A3:D15)."
    );
    await page.screenshot({ path: join(ARTIFACTS, "pane-en.png"), fullPage: true });
    expect(errors).toEqual([]);
    expectOnlyLocalRequests(requests);
    await page.close();
  });
});

describe("copying for Word where Office refuses the clipboard API", () => {
  test("falls back to the copy command with HTML and plain text (Excel on the web, office-js#1991)", async () => {
    const { page } = await openPane();
    await page.locator("#use-selection").click();
    await page.locator("#key-column").selectOption("3");
    await page.locator("#pot").fill(String(POT));
    await runsDuring(page, () => page.locator("#write").click());
    // As in Excel on the web's iframe: no clipboard-write permission.
    await page.evaluate(() => {
      const w = window as unknown as { copied: Record<string, string> | null };
      w.copied = null;
      Object.defineProperty(navigator, "clipboard", {
        value: { write: () => Promise.reject(new DOMException("denied", "NotAllowedError")) },
      });
      window.addEventListener("copy", (event) => {
        w.copied = {
          html: event.clipboardData?.getData("text/html") ?? "",
          text: event.clipboardData?.getData("text/plain") ?? "",
        };
      });
    });
    await page.locator("#copy-word").click();
    await page.waitForFunction(() =>
      document.querySelector("#status")?.textContent?.includes("kopierad")
    );
    const copied = await page.evaluate(
      () => (window as unknown as { copied: { html: string; text: string } | null }).copied
    );
    expect(copied?.html).toContain("<table");
    expect(copied?.html).toContain("Bromma");
    expect(copied?.text).toContain("Bromma");
    await page.close();
  });
});
