/**
 * Last year from a previous Fördelning sheet in Chromium: a user who copied last year's
 * allocation sheet into this workbook opens Avancerat, picks the sheet by keyboard in the
 * last-year choice, sees last year, this year and the change in the preview, and writes;
 * the sheet list and the sheet read cost one round trip each; axe finds nothing.
 */
import { join } from "path";
import {
  ARTIFACTS,
  STOCKHOLM,
  axeViolations,
  openPane,
  runsDuring,
  status,
  stockholmSheet,
  usePane,
  writeDone,
} from "./harness";

usePane();

/** Last year's amounts: this year's proposal less 1 000 kr, Järva's less 20 000 kr. */
const LAST_YEAR = STOCKHOLM.map(([name, amount]): [string, number] => [
  name,
  amount - (name === "Järva" ? 20000 : 1000),
]);
const LAST_YEAR_TOTAL = LAST_YEAR.reduce((s, [, amount]) => s + amount, 0);

/** "Fördelning 2025" as the add-in wrote it last year, copied into this workbook. */
function lastYearSheet(): (string | number | null)[][] {
  return [
    ["Fördelning av statsbidrag: Hälsosamtal för äldre 2025"],
    [],
    ["Stadsdelsförvaltning", "Förslag på fördelning", "Andel", "Belopp (kr)"],
    ...LAST_YEAR.map(([name, amount]) => [name, amount, amount / LAST_YEAR_TOTAL, amount]),
    ["Summa", LAST_YEAR_TOTAL, 1, LAST_YEAR_TOTAL],
  ];
}

/** "−1 234" or "+1 234" or "1 234" (with no-break spaces) as a number. */
function amount(text: string): number {
  const digits = Number(text.replace(/\D/g, ""));
  return /^\s*[-−]/.test(text) ? -digits : digits;
}

describe("last year from a previous Fördelning sheet in the pane", () => {
  test("picked by keyboard, shown beside this year with the change, and written", async () => {
    const { page, errors } = await openPane({
      sheets: [
        { name: "Blad1", cells: stockholmSheet() },
        { name: "Fördelning 2025", cells: lastYearSheet() },
        // Last year's output, still the add-in's: this year's write replaces it.
        { name: "Fördelning", cells: lastYearSheet() },
      ],
      names: [{ name: "Statsbidrag_allocation", sheet: "Fördelning" }],
      selection: "A1:D12",
    });
    await page.getByRole("button", { name: "Använd markering" }).click();
    await page.getByLabel("Nyckelkolumn").selectOption({ label: "D: Förslag på fördelning" });
    await page.getByLabel("Belopp att fördela (kr)").fill("6 069 306");

    // Opening Avancerat lists the workbook's sheets: one Excel.run of one round trip.
    const listRuns = await runsDuring(page, async () => {
      await page.locator("#advanced summary").focus();
      await page.keyboard.press("Enter");
    });
    expect(listRuns.map((run) => run.syncs)).toEqual([1]);
    const select = page.getByLabel("Förra årets belopp (kolumn eller blad)");
    const group = select.locator("optgroup");
    expect(await group.getAttribute("label")).toBe("Förra årets Fördelning-blad");
    // Neither the source's own sheet nor the add-in's Fördelning (its write would replace it).
    expect(await group.locator("option").allInnerTexts()).toEqual(["Fördelning 2025"]);

    // Picking it from the keyboard reads it: one Excel.run of one round trip.
    const readRuns = await runsDuring(page, async () => {
      await select.focus();
      await page.keyboard.press("End");
    });
    expect(readRuns.map((run) => run.syncs)).toEqual([1]);
    expect(await select.inputValue()).toBe("sheet:Fördelning 2025");
    await expect(page.locator("#error-lastYearColumn").isHidden()).resolves.toBe(true);

    const headers = await page.locator(".preview-table thead th").allInnerTexts();
    expect(headers).toEqual(["Mottagare", "Förra året (kr)", "Belopp (kr)", "Förändring (kr)"]);
    const rows = await page
      .locator(".preview-table tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? ""))
      );
    expect(rows).toHaveLength(STOCKHOLM.length);
    rows.forEach((cells, i) => {
      expect(cells[0].startsWith(LAST_YEAR[i][0])).toBe(true);
      expect(amount(cells[1])).toBe(LAST_YEAR[i][1]);
      // The change is this year less last year, signed.
      expect(amount(cells[3])).toBe(amount(cells[2]) - LAST_YEAR[i][1]);
    });
    const foot = await page.locator(".preview-table tfoot td").allInnerTexts();
    expect(amount(foot[1])).toBe(LAST_YEAR_TOTAL);
    expect(amount(foot[3])).toBe(6069306 - LAST_YEAR_TOTAL);

    expect(await axeViolations(page, "#panel-allocate")).toEqual([]);
    // Four columns still fit a 320 px pane.
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320
    );
    await page.locator("#preview").screenshot({ path: join(ARTIFACTS, "pane-last-year-320.png") });

    await page.getByRole("button", { name: "Skriv tabell" }).click();
    await writeDone(page, "Körlogg");
    expect(await status(page)).toContain("Tabellen skrevs till bladet Fördelning");
    const written = await page.evaluate(() => window.__officeDouble.read("Fördelning"));
    const header = written.values.find((row) => row.includes("Förra året (kr)")) ?? [];
    expect(header).toEqual(expect.arrayContaining(["Förra året (kr)", "Belopp (kr)"]));
    const log = await page.evaluate(() => window.__officeDouble.read("Körlogg"));
    expect(String(log.values[1][3])).toBe("Blad1!A1:D12; 'Fördelning 2025'!A1:D15");
    expect(String(log.values[1][4])).toContain("--last-year-sheet 'Fördelning 2025'");
    // Last year's sheet is left as it was.
    const old = await page.evaluate(() => window.__officeDouble.read("Fördelning 2025"));
    expect(old.values[3][3]).toBe(LAST_YEAR[0][1]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a sheet that is no allocation sheet is refused beside the choice; nothing is written", async () => {
    const { page, errors } = await openPane({
      sheets: [
        { name: "Blad1", cells: stockholmSheet() },
        { name: "Anteckningar", cells: [["Ringa Järva"]] },
      ],
      selection: "A1:D12",
    });
    await page.getByRole("button", { name: "Använd markering" }).click();
    await page.getByLabel("Nyckelkolumn").selectOption({ label: "D: Förslag på fördelning" });
    await page.getByLabel("Belopp att fördela (kr)").fill("6 069 306");
    await runsDuring(page, async () => {
      await page.locator("#advanced summary").click();
    });
    const select = page.getByLabel("Förra årets belopp (kolumn eller blad)");
    await runsDuring(page, async () => {
      await select.selectOption({ label: "Anteckningar" });
    });
    const error = page.locator("#error-lastYearColumn");
    expect(await error.innerText()).toBe(
      "Bladet Anteckningar ser inte ut som en fördelning som tillägget skrev (ingen rubrik 'Belopp (kr)')."
    );
    expect(await select.getAttribute("aria-invalid")).toBe("true");
    expect(await axeViolations(page, "#panel-allocate")).toEqual([]);
    await page.getByRole("button", { name: "Skriv tabell" }).click();
    expect(await page.evaluate(() => window.__officeDouble.sheetNames())).toEqual([
      "Blad1",
      "Anteckningar",
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
