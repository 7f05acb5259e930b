/**
 * The Fördela step's "Avancerat" section in Chromium: a committee decision with a base amount
 * per district from a column and a ceiling from another, reached by the keyboard, checked by
 * axe-core, looked at at 320 px, written with its Körlogg row naming the columns as the
 * runner's flags.
 */
import { join } from "path";
import {
  ARTIFACTS,
  POT,
  STOCKHOLM,
  axeViolations,
  kronor,
  openPane,
  status,
  stockholmSheet,
  usePane,
  writeDone,
} from "./harness";

usePane();

/** Blad1 with a base amount per district (Järva more) and a ceiling per district beside the table. */
function sheetWithShapes(): (string | number)[][] {
  const [header, ...rows] = stockholmSheet();
  return [
    [...header, "Grundbelopp", "Tak"],
    ...rows.map((row) => [...row, row[0] === "Järva" ? 150000 : 50000, 700000]),
  ];
}

describe("Avancerat in the Fördela step", () => {
  test("base from a column and a ceiling from another, by keyboard, exact to the krona", async () => {
    const { page, errors } = await openPane({
      sheets: [{ name: "Blad1", cells: sheetWithShapes() }],
      selection: "A1:F12",
    });
    await page.setViewportSize({ width: 320, height: 900 });
    await page.getByRole("button", { name: "Använd markering" }).click();
    // Three number columns: the pane asks which one is the key.
    await page.getByLabel("Nyckelkolumn").selectOption({ label: "D: Förslag på fördelning" });
    await page.getByLabel("Belopp att fördela (kr)").fill("6 069 306");

    // The section is closed by default and opens from the keyboard.
    const details = page.locator("#advanced");
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.locator("#advanced summary").focus();
    await page.keyboard.press("Enter");
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);

    const baseSource = page.getByLabel("Grundbelopp: samma för alla eller ur en kolumn");
    await baseSource.focus();
    await baseSource.selectOption({ label: "E: Grundbelopp" });
    // Each district's base comes from its row now: the one-for-all field is out of the way,
    // and the label and any error mark go to the column's select.
    expect(await page.locator("#base").isHidden()).toBe(true);
    expect(await page.locator("#label-base").getAttribute("for")).toBe("base-column");
    await page.getByLabel("Belopp att fördela (kr)").fill("500 000");
    await page.locator("#error-base").waitFor();
    expect(await page.locator("#error-base").innerText()).toContain("Grundbelopp");
    expect(await baseSource.getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("Belopp att fördela (kr)").fill("6 069 306");
    await page.locator("#error-base").waitFor({ state: "hidden" });
    expect(await baseSource.getAttribute("aria-invalid")).toBe("false");
    await page
      .getByLabel("Tak: samma för alla eller ur en kolumn")
      .selectOption({ label: "F: Tak" });

    await page.waitForFunction(() => document.querySelectorAll(".preview-table tbody tr").length);
    const rows = await page
      .locator(".preview-table tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? ""))
      );
    // Each name, with the bound that held it where one did.
    expect(rows.map((cells, i) => cells[0].startsWith(STOCKHOLM[i][0]))).toEqual(
      STOCKHOLM.map(() => true)
    );
    const amounts = rows.map((cells) => Number(cells[2].replace(/\D/g, "")));
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(POT);
    expect(Math.max(...amounts)).toBeLessThanOrEqual(700000);
    // Hägersten-Älvsjö's key would give it more than 700 000: it is held at the ceiling.
    const capped = rows.find((cells) => cells[0].startsWith("Hägersten-Älvsjö"));
    expect(capped?.[0]).toBe("Hägersten-Älvsjötaket (nyckeln gav mer)");
    expect(capped?.[2]).toBe(kronor(700000));
    expect(await page.locator(".preview-table tfoot td").last().innerText()).toBe(kronor(POT));

    expect(await axeViolations(page, "#panel-allocate")).toEqual([]);
    // Nothing sticks out of a 320 px pane.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320
    );
    await page.locator("#advanced").screenshot({ path: join(ARTIFACTS, "pane-advanced-320.png") });

    await page.getByRole("button", { name: "Skriv tabell" }).click();
    await writeDone(page, "Körlogg");
    expect(await status(page)).toBe("Tabellen skrevs till bladet Fördelning (Fördelning!A3:D15).");
    const log = await page.evaluate(() => window.__officeDouble.read("Körlogg"));
    expect(String(log.values[1][4])).toContain("--base-column Grundbelopp --ceiling-column Tak");
    const written = await page.evaluate(() => window.__officeDouble.read("Fördelning"));
    // The sheet explains each row's shape: Järva's base from its row, then its share by key.
    const järva = written.values.find((row) => row[0] === "Järva") ?? [];
    expect(järva.join(" ")).toMatch(/Grundbelopp 150\s000 kr \+ [\d\s]+ kr efter nyckel\./);
    const base = written.values.find((row) => row[0] === "Grundbelopp per mottagare") ?? [];
    expect(base.join(" ")).toContain("Grundbelopp");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("three weighted keys: add a key from the keyboard, weights to 100, logged as the runner's pairs", async () => {
    const [header, ...rows] = stockholmSheet();
    const cells = [
      [...header, "Invånare 80+", "Invånare 90+"],
      ...rows.map((row, i) => [...row, 1000 + 37 * i, 100 + 11 * i]),
    ];
    const { page, errors } = await openPane({
      sheets: [{ name: "Blad1", cells }],
      selection: "A1:F12",
    });
    await page.setViewportSize({ width: 320, height: 900 });
    await page.getByRole("button", { name: "Använd markering" }).click();
    await page.getByLabel("Nyckelkolumn").selectOption({ label: "D: Förslag på fördelning" });
    await page.getByLabel("Belopp att fördela (kr)").fill("6 069 306");
    await page.locator("#advanced summary").click();
    await page
      .getByLabel("Andra nyckel (vägs ihop med den första)")
      .selectOption({ label: "E: Invånare 80+" });
    await page.getByLabel("Vikt för första nyckeln (%)").fill("50");
    await page.getByLabel("Vikt för andra nyckeln (%)").fill("30");
    await page.getByLabel("Vikt för andra nyckeln (%)").blur();
    expect(await page.locator("#error-weights").innerText()).toContain("100");

    // Enter on "Lägg till nyckel" adds a row and puts the focus on its column.
    await page.getByRole("button", { name: "Lägg till nyckel" }).focus();
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      "Nyckel 3"
    );
    await page.getByLabel("Nyckel 3", { exact: true }).selectOption({ label: "F: Invånare 90+" });
    await page.keyboard.press("Tab");
    await page.keyboard.type("20");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      "Vikt för nyckel 3 (%)"
    );
    await page.locator("#error-weights").waitFor({ state: "hidden" });
    expect(await page.locator(".preview-table tfoot td").last().innerText()).toBe(kronor(POT));

    expect(await axeViolations(page, "#panel-allocate")).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320
    );
    await page
      .locator("#advanced")
      .screenshot({ path: join(ARTIFACTS, "pane-three-keys-320.png") });

    await page.getByRole("button", { name: "Skriv tabell" }).click();
    await writeDone(page, "Körlogg");
    const log = await page.evaluate(() => window.__officeDouble.read("Körlogg"));
    expect(String(log.values[1][4])).toContain(
      "--key-column 'Förslag på fördelning' --weight 50 --key-column 'Invånare 80+' --weight 30 --key-column 'Invånare 90+' --weight 20"
    );

    // Removing the third key leaves 80 %: the weights are wrong again, said beside them.
    await page.getByRole("button", { name: "Ta bort nyckel 3" }).click();
    expect(
      await page.evaluate(() => document.activeElement?.textContent?.includes("Lägg till nyckel"))
    ).toBe(true);
    await page.locator("#error-weights").waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
