/**
 * The report sheet: every summary total is a formula over the detail lines and gives what
 * core computed; each counted row has a detail line with its source cell; the narrative
 * answers survive a re-run.
 */
import { cellAddress, parseReference } from "../../../../src/core/grid";
import { runReport } from "../../../../src/core/jobs/report-back/report";
import { sampleLedger, sampleRequest } from "../../../../src/core/jobs/report-back/sample";
import { readNarrative, reportSheet } from "../../../../src/core/jobs/report-back/sheet";
import type { SheetModel } from "../../../../src/core/sheets/sheet-model";
import { modelGrid } from "./helpers";

/** Evaluates the few formula shapes the sheet uses (SUMIF, SUM, MAX, a minus) from the cells' values. */
function evaluate(model: SheetModel, expression: string): number {
  const value = (ref: string) => {
    const { box } = parseReference(ref);
    const cell = model.cells[box.top][box.left];
    return cell.formula ? evaluate(model, cell.formula) : Number(cell.value ?? 0);
  };
  const range = (ref: string) => {
    const { box } = parseReference(ref);
    const out: { row: number; col: number }[] = [];
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) out.push({ row: r, col: c });
    return out;
  };
  let m: RegExpExecArray | null;
  if (
    (m = /^(-?)SUMIF\(([A-Z]+\d+:[A-Z]+\d+),"([^"]*)",([A-Z]+\d+:[A-Z]+\d+)\)$/.exec(expression))
  ) {
    const criteria = range(m[2]);
    const amounts = range(m[4]);
    let total = 0;
    criteria.forEach((c, i) => {
      if (model.cells[c.row][c.col].value === m![3])
        total += value(cellAddress(amounts[i].row, amounts[i].col));
    });
    return m[1] ? -total : total;
  }
  if ((m = /^SUM\(([A-Z]+\d+:[A-Z]+\d+)\)$/.exec(expression)))
    return range(m[1]).reduce((acc, c) => acc + value(cellAddress(c.row, c.col)), 0);
  if ((m = /^MAX\(0,([A-Z]+\d+)-([A-Z]+\d+)\)$/.exec(expression)))
    return Math.max(0, value(m[1]) - value(m[2]));
  if ((m = /^MIN\(([A-Z]+\d+),MAX\(0,([A-Z]+\d+)-([A-Z]+\d+)\)\)$/.exec(expression)))
    return Math.min(value(m[1]), Math.max(0, value(m[2]) - value(m[3])));
  throw new Error(`unexpected formula ${expression}`);
}

const rowOf = (model: SheetModel, label: string) =>
  model.cells.findIndex((row) => row[0].value === label);

test("every summary total is a formula that gives core's amount", () => {
  const result = runReport([sampleLedger()], sampleRequest());
  const model = reportSheet(result, { lang: "sv", date: "2027-01-10" });
  const expected: [string, string][] = [
    ["Personal", result.used.personnel.toFixed(2)],
    ["Lokaler", result.used.premises.toFixed(2)],
    ["Köpta tjänster", result.used.services.toFixed(2)],
    ["Övrigt", result.used.other.toFixed(2)],
    ["Summa använt", result.totalUsed.toFixed(2)],
    ["Ej använt, att återbetala", result.unused.toFixed(2)],
    ["Egen finansiering (kostnader över erhållet bidrag)", result.ownFunding.toFixed(2)],
    ["Intäkter på bidragets ansvar (redovisas separat, ej avräknade)", result.income.toFixed(2)],
  ];
  for (const [label, amount] of expected) {
    const cell = model.cells[rowOf(model, label)][1];
    expect(cell.formula).toBeDefined();
    expect(evaluate(model, cell.formula!).toFixed(2)).toBe(amount);
    expect(Number(cell.value).toFixed(2)).toBe(amount);
  }
  // One detail line per counted row, each naming its source cell in the ledger.
  const sources = model.cells
    .map((row) => row[1].value)
    .filter((v) => typeof v === "string" && /^Huvudbok!G\d+$/.test(v));
  expect(sources).toHaveLength(result.lines.length);
  expect(model.cells.some((row) => row[1].value === "Huvudbok!A31" && row[3].value === "Nej")).toBe(
    true
  );
});

test("several districts: a column each and a total column of SUMs", () => {
  const result = runReport(
    [sampleLedger({ sheet: "Norr" }), sampleLedger({ sheet: "Söder", wage: 40_000 })],
    sampleRequest()
  );
  const model = reportSheet(result, { lang: "en", date: "2027-01-10" });
  const header = model.cells[model.table.top].map((c) => c.value);
  expect(header.slice(0, 4)).toEqual([null, "Norr", "Söder", "Total"]);
  const used = model.cells[rowOf(model, "Total used")];
  expect(evaluate(model, used[1].formula!).toFixed(2)).toBe(
    result.districts[0].totalUsed.toFixed(2)
  );
  expect(evaluate(model, used[2].formula!).toFixed(2)).toBe(
    result.districts[1].totalUsed.toFixed(2)
  );
  expect(evaluate(model, used[3].formula!).toFixed(2)).toBe(result.totalUsed.toFixed(2));
  const unused = model.cells[rowOf(model, "Unused, to be repaid")];
  expect(unused[1].value).toBeNull();
  expect(evaluate(model, unused[3].formula!).toFixed(2)).toBe(result.unused.toFixed(2));
  expect(evaluate(model, model.cells[rowOf(model, "Personnel")][3].formula!).toFixed(2)).toBe(
    result.used.personnel.toFixed(2)
  );
});

test("the narrative typed by the user survives a re-run (and a change of language)", () => {
  const result = runReport([sampleLedger({ sheet: "Resultat" })], sampleRequest());
  const first = modelGrid(reportSheet(result, { lang: "sv", date: "2027-01-10" }));
  const answer = (label: string, value: string | number) => {
    const row = first.values.findIndex((r) => r[0] === label);
    first.values[row][1] = value;
  };
  answer("Insatser som startats", "Hälsosamtal i två stadsdelar");
  answer("Hur samtalen har genomförts", "=Hembesök och telefon");
  answer("Antal genomförda samtal", 214);
  const narrative = readNarrative(first);
  expect(narrative).toEqual({
    started: "Hälsosamtal i två stadsdelar",
    how: "=Hembesök och telefon",
    conversations: 214,
  });
  const again = modelGrid(reportSheet(result, { lang: "en", date: "2027-02-01", narrative }));
  expect(readNarrative(again)).toEqual(narrative);
  const row = again.values.findIndex((r) => r[0] === "Number of conversations held");
  expect(again.values[row][1]).toBe(214);
});
