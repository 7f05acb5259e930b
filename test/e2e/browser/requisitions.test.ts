/**
 * The Rekvisitioner step in a real browser (see harness.ts): the maxima and the requisitions
 * read from two sheets, every requisition with a remark listed with a link that selects its
 * cell, the owned "Rekvisitioner" sheet written through the double, and the user's sheets
 * (one of them also called "Rekvisitioner") left as they were.
 */
import { join } from "path";
import type { Page } from "playwright-core";
import {
  ARTIFACTS,
  STOCKHOLM,
  axeViolations,
  expectOnlyLocalRequests,
  openPane,
  runsDuring,
  snapshot,
  status,
  usePane,
} from "./harness";

usePane();

const PANEL = "#panel-requisitions";

const MAXIMA = [["Stadsdel", "Maxbelopp"], ...STOCKHOLM.map(([name, amount]) => [name, amount])];

/** Bromma in full, Farsta 10 000 kr over, Järva late, an unknown Malmö, Bromma again, Södermalm. */
const REQUISITIONS = [
  ["Mottagare", "Rekvirerat belopp", "Inkom"],
  ["Bromma", 459491, "2026-03-10"],
  ["Farsta", 365411, "2026-03-12"],
  ["Järva", 418751, "2026-04-20"],
  ["Malmö", 100000, "2026-03-11"],
  ["Bromma", 1000, "2026-03-13"],
  ["Södermalm", 945876, "2026-03-14"],
];

/** A sheet the user keeps under the name the add-in would use. */
const USERS_REKVISITIONER = [
  ["Mina egna anteckningar om rekvisitioner"],
  ["Farsta", "ringde 12/3"],
];

const panel = (page: Page) => page.locator(PANEL);

async function openStep(page: Page): Promise<void> {
  await page.getByRole("tab", { name: "Rekvisitioner" }).click();
  await panel(page).waitFor({ state: "visible" });
  await page.waitForFunction(
    (selector) => document.querySelector(selector)?.getAttribute("aria-busy") === "false",
    PANEL
  );
}

describe("the Rekvisitioner step in Chromium with an Excel double", () => {
  test("reads maxima and requisitions from two sheets, links every problem to its cell, writes its own sheet only", async () => {
    const { page, requests, errors } = await openPane({
      sheets: [
        { name: "Maxbelopp", cells: MAXIMA },
        { name: "Inkomna", cells: REQUISITIONS },
        { name: "Rekvisitioner", cells: USERS_REKVISITIONER },
      ],
      activeSheet: "Maxbelopp",
      selection: "A1:B12",
      tables: [{ name: "Inkomna", sheet: "Inkomna", address: "A1:C7" }],
    });
    const before = {
      maxima: await snapshot(page, "Maxbelopp"),
      requisitions: await snapshot(page, "Inkomna"),
      users: await snapshot(page, "Rekvisitioner"),
    };
    await openStep(page);
    expect(await page.locator("#panel-allocate").isHidden()).toBe(true);

    // 1. The maxima: the selection on Maxbelopp, in one round trip.
    const maxima = page.getByRole("group", { name: "Maxbelopp" });
    const readMaxima = await runsDuring(
      page,
      () => maxima.getByRole("button", { name: "Använd markering" }).click(),
      PANEL
    );
    expect(readMaxima).toHaveLength(1);
    expect(readMaxima[0].syncs).toBeLessThanOrEqual(1);
    expect(await page.locator("#req-max-source-info").innerText()).toBe("Källa: Maxbelopp!A1:B12");
    expect(await page.locator("#req-result").innerText()).toContain("Här visas resultatet");

    // 2. The requisitions: the table on Inkomna, picked by keyboard.
    const requisitions = page.getByRole("group", { name: "Rekvisitioner" });
    await requisitions.getByLabel("Eller välj en Excel-tabell").focus();
    await requisitions.getByLabel("Eller välj en Excel-tabell").selectOption("Inkomna");
    await page.keyboard.press("Tab");
    const readTable = await runsDuring(page, () => page.keyboard.press("Enter"), PANEL);
    expect(readTable).toHaveLength(1);
    expect(await page.locator("#req-rq-source-info").innerText()).toBe("Källa: Inkomna!A1:C7");
    expect(await status(page)).toBe("Läste Inkomna!A1:C7: 6 rekvisitioner.");

    // 3. The conditions: a deadline and re-distribution.
    await page.getByLabel("Sista dag för rekvisition").fill("2026-03-31");
    await page.getByLabel("Fördela om det som inte rekvirerats").check();

    // Every requisition with a remark, with its cell as a link, its status in words and its message.
    const remarks = page.locator("#req-remark-list li");
    expect(await remarks.count()).toBe(4);
    const rows = await remarks.evaluateAll((items) =>
      items.map((item) => [
        item.querySelector("button")?.textContent ?? "",
        item.querySelector(".remark-status")?.textContent ?? "",
      ])
    );
    expect(rows).toEqual([
      ["Inkomna!B3", "Över max"],
      ["Inkomna!C4", "För sent"],
      ["Inkomna!A5", "Okänd mottagare"],
      ["Inkomna!A6", "Dubblett"],
    ]);
    expect(await remarks.nth(2).innerText()).toContain("Malmö");
    expect(await page.locator("#req-result").innerText()).toContain(
      "2 rekvisitioner utan anmärkning, 4 med anmärkning."
    );
    expect(await page.locator("#req-problems").isHidden()).toBe(true);

    // The link selects the cell, from the keyboard too.
    const late = page.getByRole("button", { name: "Gå till Inkomna!C4" });
    await late.focus();
    await runsDuring(page, () => page.keyboard.press("Enter"), PANEL);
    expect(await page.evaluate(() => window.__officeDouble.selection())).toBe("Inkomna!C4");

    await page.screenshot({ path: join(ARTIFACTS, "requisitions-sv.png"), fullPage: true });
    expect(await axeViolations(page, PANEL)).toEqual([]);

    // 4. An invalid pot stops the write, with the error by the field.
    await page.getByLabel("Pott (kr, valfritt)").fill("tolv");
    expect(await page.locator("#req-error-total").isVisible()).toBe(true);
    expect(await page.getByLabel("Pott (kr, valfritt)").getAttribute("aria-invalid")).toBe("true");
    const refused = await runsDuring(
      page,
      () => page.getByRole("button", { name: "Skriv tabell" }).click(),
      PANEL,
      false
    );
    expect(refused).toEqual([]);
    expect(await status(page)).toContain("Inget skrevs");
    await page.getByLabel("Pott (kr, valfritt)").fill("");

    // 5. Write: our own sheet, beside the user's "Rekvisitioner", in at most two round trips.
    const writes = await runsDuring(
      page,
      () => page.getByRole("button", { name: "Skriv tabell" }).click(),
      PANEL
    );
    expect(writes).toHaveLength(1);
    expect(writes[0].syncs).toBeLessThanOrEqual(2);
    expect(await status(page)).toMatch(/^Tabellen skrevs till bladet 'Rekvisitioner \(2\)'/);
    expect(await page.evaluate(() => window.__officeDouble.sheetNames())).toEqual([
      "Maxbelopp",
      "Inkomna",
      "Rekvisitioner",
      "Rekvisitioner (2)",
    ]);
    expect(await page.evaluate(() => window.__officeDouble.names())).toEqual([
      { name: "Statsbidrag_requisitions", sheet: "Rekvisitioner (2)" },
    ]);

    const written = await page.evaluate(() => window.__officeDouble.read("Rekvisitioner (2)"));
    const header = written.values.findIndex((row) => row.includes("Status"));
    expect(header).toBeGreaterThan(0);
    const lines = written.values.slice(header + 1, header + 12);
    expect(lines.map((row) => row[0])).toEqual(STOCKHOLM.map(([name]) => name));
    const status_ = written.values[header].indexOf("Status");
    const byName = new Map(lines.map((row) => [row[0], row[status_]]));
    expect(byName.get("Bromma")).toBe("Godkänd");
    expect(byName.get("Farsta")).toBe("Över max");
    expect(byName.get("Järva")).toBe("För sent");
    expect(byName.get("Kungsholmen")).toBe("Ingen rekvisition");
    const total = written.values[header + 12];
    expect(total[0]).toBe("Summa");
    expect(written.formulas[header + 12].some((f) => String(f).startsWith("=SUM("))).toBe(true);
    // No error values anywhere in what was written.
    expect(written.values.flat().filter((v) => String(v).startsWith("#"))).toEqual([]);

    // The user's sheets are exactly as they were.
    expect(await snapshot(page, "Maxbelopp")).toBe(before.maxima);
    expect(await snapshot(page, "Inkomna")).toBe(before.requisitions);
    expect(await snapshot(page, "Rekvisitioner")).toBe(before.users);

    const settings = await page.evaluate(() => window.__officeDouble.settings());
    expect(settings["statsbidrag.requisitions"]).toMatchObject({
      deadline: "2026-03-31",
      redistribute: true,
    });
    expectOnlyLocalRequests(requests);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("takes the maxima from the add-in's own allocation sheet with one click, never from the user's", async () => {
    const allocation = [
      ["Fördelning av statsbidrag"],
      [],
      ["Stadsdelsförvaltning", "Nyckel", "Andel", "Belopp (kr)"],
      ...STOCKHOLM.map(([name, amount]) => [name, amount, "", amount]),
      ["Äldreförvaltningen", "", "", 400000],
      ["Summa", "", "", 6069306],
    ];
    const { page, errors } = await openPane({
      sheets: [
        // The user's own "Fördelning" is not ours: the owner mark points at "Fördelning (2)".
        {
          name: "Fördelning",
          cells: [
            ["Stadsdel", "Maxbelopp"],
            ["Bromma", 1],
          ],
        },
        { name: "Fördelning (2)", cells: allocation },
        { name: "Inkomna", cells: REQUISITIONS },
      ],
      activeSheet: "Inkomna",
      selection: "A1:C7",
      names: [{ name: "Statsbidrag_allocation", sheet: "Fördelning (2)", address: "A1" }],
    });
    await openStep(page);
    const read = await runsDuring(
      page,
      () => page.getByRole("button", { name: "Använd bladet Fördelning" }).click(),
      PANEL
    );
    // One Excel.run: the owner mark and the sheet names, then the marked sheet's values.
    expect(read).toHaveLength(1);
    expect(read[0].syncs).toBe(2);
    expect(await page.locator("#req-max-source-info").innerText()).toBe(
      "Källa: 'Fördelning (2)'!A1:D16"
    );
    // The user's selection stays where it was.
    expect(await page.evaluate(() => window.__officeDouble.selection())).toBe("Inkomna!A1:C7");

    await runsDuring(
      page,
      () =>
        page
          .getByRole("group", { name: "Rekvisitioner" })
          .getByRole("button", { name: "Använd markering" })
          .click(),
      PANEL
    );
    expect(await page.locator("#req-result").innerText()).toContain(
      "3 rekvisitioner utan anmärkning, 3 med anmärkning."
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  test("without an allocation sheet of the add-in, says so next to the maxima", async () => {
    const { page } = await openPane();
    await openStep(page);
    await runsDuring(
      page,
      () => page.getByRole("button", { name: "Använd bladet Fördelning" }).click(),
      PANEL
    );
    const error = page.locator("#req-max-error-range");
    expect(await error.isVisible()).toBe(true);
    expect(await error.innerText()).toContain("inget Fördelning-blad");
    expect(await page.getByRole("button", { name: "Använd bladet Fördelning" }).count()).toBe(1);
    await page.close();
  });
});
