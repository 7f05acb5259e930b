/**
 * The Rekvisitioner sheet: one row per recipient, SUM totals that equal core's sums, a
 * summary of formulas, statuses in words and in colour, the remarks with their cells, and
 * the parameters; the JSON's exact shape.
 */
import type { SheetModel } from "../../../../src/core/sheets/sheet-model";
import { requisitionsJson } from "../../../../src/core/jobs/requisitions/json";
import { runRequisitions } from "../../../../src/core/jobs/requisitions/requisitions";
import { requisitionsSample } from "../../../../src/core/jobs/requisitions/sample";
import { requisitionsSheet, statusWords } from "../../../../src/core/jobs/requisitions/sheet";
import { STOCKHOLM_2024 } from "../../../fixtures/stockholm-2024";
import { THREE, maximaGrid, requisitionGrid } from "./grids";

const sample = requisitionsSample(STOCKHOLM_2024);
const run = runRequisitions(sample.maxima, sample.requisitions, sample.request);
const model = requisitionsSheet(run, { lang: "sv", date: "2026-11-25" });

const shown = (m: SheetModel) => m.cells.map((row) => row.map((c) => c.value));
const rowOf = (m: SheetModel, label: string, col = 0) =>
  m.cells.findIndex((row) => row[col].value === label);

describe("the table", () => {
  test("header, one row per district in the maxima's order, then the total", () => {
    expect(model.name).toBe("Rekvisitioner");
    expect(shown(model)[2]).toEqual([
      "Stadsdelsförvaltning",
      "Maxbelopp (kr)",
      "Rekvirerat (kr)",
      "Godkänt (kr)",
      "Omfördelat (kr)",
      "Slutligt belopp (kr)",
      "Status",
      "Meddelande",
    ]);
    const names = model.cells.slice(3, 14).map((row) => row[0].value);
    expect(names).toEqual(STOCKHOLM_2024.map((d) => d.name));
    expect(shown(model)[6]).toEqual([
      "Hägersten-Älvsjö",
      646853,
      700000,
      646853,
      53147,
      700000,
      "Över max",
      "Inkomna!B5: Rekvirerat 700\u00a0000 kr är 53\u00a0147 kr över maxbeloppet; 646\u00a0853 kr godkänns.",
    ]);
    expect(shown(model)[11][6]).toBe("Ingen rekvisition"); // Skarpnäck: its requisition was unknown
    expect(model.table).toEqual({ top: 2, left: 0, bottom: 14, right: 7 });
  });

  test("the total row is SUM formulas whose values are core's sums", () => {
    const total = model.cells[14];
    expect(total[0].value).toBe("Summa");
    expect(total.slice(1, 6).map((c) => c.formula)).toEqual([
      "SUM(B4:B14)",
      "SUM(C4:C14)",
      "SUM(D4:D14)",
      "SUM(E4:E14)",
      "SUM(F4:F14)",
    ]);
    expect(total.slice(1, 6).map((c) => c.value)).toEqual([
      run.maximaSum.toNumber(),
      // What the counted requisitions asked for (Skarpnäck's unknown one and Skärholmen: none).
      5_227_108,
      run.approved.toNumber(),
      run.redistributed.toNumber(),
      run.approved.plus(run.redistributed).toNumber(),
    ]);
  });

  test("money formats from the unit; statuses coloured and in words", () => {
    expect(model.styles).toContainEqual({
      top: 3,
      left: 1,
      bottom: 14,
      right: 1,
      numberFormat: "#,##0",
    });
    expect(model.styles).toContainEqual({
      top: 6,
      left: 6,
      bottom: 6,
      right: 6,
      fill: "#FFEB9C",
      fontColor: "#9C5700",
    });
    expect(model.styles).toContainEqual({
      top: 3,
      left: 6,
      bottom: 3,
      right: 6,
      fill: "#C6EFCE",
      fontColor: "#006100",
    });
    const inOre = runRequisitions(maximaGrid(THREE), requisitionGrid([["Stockholm", 1, null]]), {
      unit: "0.01",
    });
    expect(requisitionsSheet(inOre, { lang: "en", date: "2026-11-25" }).styles).toContainEqual(
      expect.objectContaining({ numberFormat: "#,##0.00", left: 2 })
    );
  });
});

describe("summary, remarks and parameters", () => {
  test("the summary's amounts are formulas over the total row and the pot", () => {
    const at = (label: string) => model.cells[rowOf(model, label)][1];
    expect(at("Antal rekvisitioner utan anmärkning").value).toBe(7);
    expect(at("Antal rekvisitioner med anmärkning").value).toBe(3);
    expect(at("Pott").value).toBe(5_669_306);
    expect(at("Summa godkänt")).toEqual({ formula: "D15", value: 4_755_210 });
    const potRow = rowOf(model, "Pott") + 1;
    expect(at("Ej rekvirerat (pott minus godkänt)")).toEqual({
      formula: `B${potRow}-B${potRow + 1}`,
      value: 914_096,
    });
    expect(at("Omfördelat")).toEqual({ formula: "E15", value: 853_147 });
    expect(at("Kvar efter omfördelning")).toEqual({
      formula: `B${potRow + 2}-B${potRow + 3}`,
      value: 60_949,
    });
  });

  test("every requisition with a remark is listed with its cell", () => {
    const start = rowOf(model, "Rekvisitioner med anmärkning");
    expect(shown(model)[start + 1]).toEqual([
      "Rekvirent (som skriven)",
      null,
      "Rekvirerat (kr)",
      null,
      null,
      null,
      "Status",
      "Meddelande",
    ]);
    expect(
      model.cells.slice(start + 2, start + 5).map((r) => [r[0].value, r[6].value, r[7].value])
    ).toEqual([
      [
        "Hägersten-Älvsjö",
        "Över max",
        "Inkomna!B5: Rekvirerat 700\u00a0000 kr är 53\u00a0147 kr över maxbeloppet; 646\u00a0853 kr godkänns.",
      ],
      ["Järva", "För sent", "Inkomna!C7: Inkom 3 oktober 2024, efter sista dag 30 september 2024."],
      [
        "Skarpnack",
        "Okänd mottagare",
        "Inkomna!A10: 'Skarpnack' finns inte bland maxbeloppen. Avses 'Skarpnäck'?",
      ],
    ]);
  });

  test("the parameters in words", () => {
    const at = (label: string) => model.cells[rowOf(model, label)][1].value;
    expect(at("Sista dag för rekvisition")).toBe("30 september 2024");
    expect(at("Avrundningsenhet (kr)")).toBe(1);
    expect(at("Omfördelning")).toContain("i proportion till maxbeloppen");
    expect(at("Vid lika rest")).toContain("större maxbelopp först; är även den lika avgör namnet");
    expect(at("Antal omgångar")).toBe(3);
    expect(at("Maxbelopp från")).toBe("Maxbelopp!A1:B15");
    expect(at("Datum")).toBe("2026-11-25");
  });

  test("in English, without re-distribution and without codes", () => {
    const plain = runRequisitions(sample.maxima, sample.requisitions, { deadline: "2024-09-30" });
    const english = requisitionsSheet(plain, { lang: "en", date: "2026-11-25" });
    expect(english.name).toBe("Requisitions");
    expect(shown(english)[2]).toEqual([
      "Stadsdelsförvaltning",
      "Maximum (SEK)",
      "Requested (SEK)",
      "Approved (SEK)",
      "Status",
      "Message",
    ]);
    expect(english.cells[rowOf(english, "Re-distribution")][1].value).toBe(
      "No re-distribution: what was not requisitioned is reported as left over."
    );
  });

  test("a code column when the maxima have codes", () => {
    const coded = runRequisitions(maximaGrid(THREE), requisitionGrid([[180, 1, null]]), {});
    const sheet = requisitionsSheet(coded, { lang: "sv", date: "2026-11-25" });
    expect(shown(sheet)[2].slice(0, 2)).toEqual(["Kod", "Kommun"]);
    expect(shown(sheet)[3].slice(0, 2)).toEqual(["0180", "Stockholm"]);
    expect(sheet.cells[rowOf(sheet, "Summa")][2].formula).toBe("SUM(C4:C6)");
  });

  test("status words read without colour", () => {
    expect(statusWords("late", "sv", "missing")).toBe("Datum saknas");
    expect(statusWords("late", "en", "after")).toBe("Late");
    expect(statusWords("none", "en")).toBe("No requisition");
  });
});

describe("JSON", () => {
  test("exactly the documented shape, keys in order, requisitions in input order", () => {
    const json = requisitionsJson(run, "en");
    expect(Object.keys(json)).toEqual([
      "pot",
      "requisitions",
      "unrequisitioned",
      "redistribution",
      "leftOver",
    ]);
    expect(json.requisitions.map((r) => Object.keys(r))).toEqual(
      json.requisitions.map(() => [
        "cell",
        "recipient",
        "requested",
        "maximum",
        "approved",
        "status",
        "message",
      ])
    );
    expect(json.requisitions[8]).toEqual({
      cell: "Inkomna!A10",
      recipient: "Skarpnack",
      requested: "249453",
      maximum: null,
      approved: "0",
      status: "unknown",
      message: "Inkomna!A10: 'Skarpnack' is not in the list of maxima. Did you mean 'Skarpnäck'?",
    });
    expect(json.requisitions[4].recipient).toBe("Hässelby-Vällingby");
  });

  test("amounts are exact: öre kept, unreadable amounts null", () => {
    const odd = runRequisitions(
      maximaGrid(THREE),
      requisitionGrid([
        ["Stockholm", 1234.5, null],
        ["Göteborg", "tolv", null],
        ["Malung-Sälen", "12 345,67", null],
      ]),
      { unit: "1" }
    );
    expect(requisitionsJson(odd, "sv").requisitions.map((r) => [r.requested, r.approved])).toEqual([
      ["1234.5", "0"],
      [null, "0"],
      ["12345.67", "0"],
    ]);
    const inOre = runRequisitions(
      maximaGrid(THREE),
      requisitionGrid([["Stockholm", "1 234,5", null]]),
      { unit: "0.01", redistribute: true }
    );
    const json = requisitionsJson(inOre, "sv");
    expect(json.pot).toBe("600000.00");
    expect(json.requisitions[0].requested).toBe("1234.50");
    expect(json.unrequisitioned).toBe("598765.50");
    expect(json.redistribution).toEqual([]);
    expect(json.leftOver).toBe("598765.50");
  });
});
