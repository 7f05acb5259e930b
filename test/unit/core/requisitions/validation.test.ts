/**
 * One status per requisition, a table of cases per status: what is approved, and which
 * cell the message names.
 */
import type { CellValue } from "../../../../src/core/grid";
import { describeProblem, problemMessage } from "../../../../src/core/problems";
import { runRequisitions } from "../../../../src/core/jobs/requisitions/requisitions";
import type { RequisitionStatus } from "../../../../src/core/jobs/requisitions/validation";
import { THREE, maximaGrid, requisitionGrid } from "./grids";

interface Case {
  /** One requisition row: Kommun, Rekvirerat belopp, Inkom. */
  row: CellValue[];
  status: RequisitionStatus;
  approved: string;
  /** The cell the message names (the requisition is always in sheet row 3, after a first one). */
  cell: string;
  /** A part of the Swedish message. */
  says: string;
  unit?: string;
}

/** Every case runs with Göteborg's ordinary requisition first (row 2), then the case (row 3). */
const FIRST: CellValue[] = ["Göteborg", 200_000, "2026-03-01"];
const DEADLINE = "2026-03-16";

const CASES: Record<RequisitionStatus, Case[]> = {
  ok: [
    {
      row: ["Stockholm", 300_000, "2026-03-16"],
      status: "ok",
      approved: "300000",
      cell: "A3",
      says: "Godkänd: 300\u00a0000 kr",
    },
    {
      row: [180, "250 000 kr", 46097],
      status: "ok",
      approved: "250000",
      cell: "A3",
      says: "Godkänd",
    },
    {
      row: ["MALUNG SÄLEN", "99 999,00", "16 mars 2026"],
      status: "ok",
      approved: "99999",
      cell: "A3",
      says: "Godkänd",
    },
    {
      row: ["Malung-Sälen", "1 234,50", "16/3 2026"],
      status: "ok",
      approved: "1234.50",
      cell: "A3",
      says: "Godkänd: 1\u00a0234,50 kr",
      unit: "0.01",
    },
  ],
  over_max: [
    {
      row: ["Stockholm", 350_000, "2026-03-10"],
      status: "over_max",
      approved: "300000",
      cell: "B3",
      says: "350\u00a0000 kr är 50\u00a0000 kr över maxbeloppet; 300\u00a0000 kr godkänns",
    },
    {
      row: ["0180", 300_001, "2026-03-10"],
      status: "over_max",
      approved: "300000",
      cell: "B3",
      says: "1 kr över",
    },
  ],
  unknown: [
    {
      row: ["Malung Salen", 100_000, "2026-03-10"],
      status: "unknown",
      approved: "0",
      cell: "A3",
      says: "'Malung Salen' finns inte bland maxbeloppen. Avses 'Malung-Sälen'?",
    },
    {
      row: ["Uppsala", 100_000, "2026-03-10"],
      status: "unknown",
      approved: "0",
      cell: "A3",
      says: "'Uppsala' finns inte bland maxbeloppen.",
    },
    {
      row: ["0180 Göteborg", 100_000, "2026-03-10"],
      status: "unknown",
      approved: "0",
      cell: "A3",
      says: "kan vara både 'Stockholm' och 'Göteborg'",
    },
    {
      row: [null, 100_000, "2026-03-10"],
      status: "unknown",
      approved: "0",
      cell: "A3",
      says: "saknar mottagare",
    },
  ],
  duplicate: [
    {
      row: ["göteborg", 10_000, "2026-03-02"],
      status: "duplicate",
      approved: "0",
      cell: "A3",
      says: "Göteborg har redan en rekvisition i Rekvisitioner!A2; den första gäller",
    },
    {
      row: [1480, 10_000, "2026-03-02"],
      status: "duplicate",
      approved: "0",
      cell: "A3",
      says: "Rekvisitioner!A2",
    },
  ],
  invalid_amount: [
    {
      row: ["Stockholm", null, "2026-03-10"],
      status: "invalid_amount",
      approved: "0",
      cell: "B3",
      says: "Rekvirerat belopp saknas",
    },
    {
      row: ["Stockholm", 0, "2026-03-10"],
      status: "invalid_amount",
      approved: "0",
      cell: "B3",
      says: "större än noll (0)",
    },
    {
      row: ["Stockholm", -5000, "2026-03-10"],
      status: "invalid_amount",
      approved: "0",
      cell: "B3",
      says: "större än noll (-5000)",
    },
    {
      row: ["Stockholm", "tolv", "2026-03-10"],
      status: "invalid_amount",
      approved: "0",
      cell: "B3",
      says: "'tolv' är inte ett tal",
    },
    {
      row: ["Stockholm", "#N/A", "2026-03-10"],
      status: "invalid_amount",
      approved: "0",
      cell: "B3",
      says: "#N/A",
    },
    {
      row: ["Stockholm", 1234.5, "2026-03-10"],
      status: "invalid_amount",
      approved: "0",
      cell: "B3",
      says: "1234.5 har ören",
    },
    {
      row: ["Stockholm", "1 234,567", "2026-03-10"],
      status: "invalid_amount",
      approved: "0.00",
      cell: "B3",
      says: "fler än två decimaler",
      unit: "0.01",
    },
  ],
  late: [
    {
      row: ["Stockholm", 300_000, "2026-03-17"],
      status: "late",
      approved: "0",
      cell: "C3",
      says: "Inkom 17 mars 2026, efter sista dag 16 mars 2026",
    },
    {
      row: ["Stockholm", 300_000, null],
      status: "late",
      approved: "0",
      cell: "C3",
      says: "Inkomstdatum saknas",
    },
    {
      row: ["Stockholm", 300_000, "mars 2026"],
      status: "late",
      approved: "0",
      cell: "C3",
      says: "'mars 2026' är inget datum",
    },
    {
      row: ["Stockholm", 300_000, "den sextonde"],
      status: "late",
      approved: "0",
      cell: "C3",
      says: "'den sextonde' är inget datum",
    },
  ],
};

describe.each(Object.entries(CASES))("status %s", (_, cases) => {
  test.each(cases.map((c) => [String(c.row[0]) + " / " + String(c.row[1]), c] as const))(
    "%s",
    (__, c) => {
      const run = runRequisitions(maximaGrid(THREE), requisitionGrid([FIRST, c.row]), {
        deadline: DEADLINE,
        unit: c.unit,
      });
      const [first, checked] = run.requisitions;
      expect(first.status).toBe("ok");
      expect(checked.status).toBe(c.status);
      expect(checked.approved.toFixed(c.unit === "0.01" ? 2 : 0)).toBe(c.approved);
      expect(checked.note.cell).toBe(`Rekvisitioner!${c.cell}`);
      expect(checked.row.recipientCell).toBe("Rekvisitioner!A3");
      expect(problemMessage(checked.note, "sv")).toContain(c.says);
      expect(describeProblem(checked.note, "en")).toMatch(/^Rekvisitioner!\w+\d: \S/);
      if (c.status !== "ok" && c.status !== "over_max")
        expect(checked.approved.isZero()).toBe(true);
    }
  );
});

describe("order of the checks", () => {
  const run = (rows: CellValue[][], deadline?: string) =>
    runRequisitions(maximaGrid(THREE), requisitionGrid(rows), { deadline }).requisitions.map(
      (r) => r.status
    );

  test("the first requisition of a recipient counts, whatever its own status", () => {
    expect(
      run(
        [
          ["Stockholm", "tolv", "2026-03-01"],
          ["Stockholm", 100_000, "2026-03-02"],
        ],
        DEADLINE
      )
    ).toEqual(["invalid_amount", "duplicate"]);
  });

  test("an unknown recipient is unknown whatever its amount or date", () => {
    expect(run([["Uppsala", "tolv", "2027-01-01"]], DEADLINE)).toEqual(["unknown"]);
  });

  test("an invalid amount that is also late is an invalid amount", () => {
    expect(run([["Stockholm", -1, "2027-01-01"]], DEADLINE)).toEqual(["invalid_amount"]);
  });

  test("late before over the maximum: a late requisition gets nothing", () => {
    expect(run([["Stockholm", 900_000, "2027-01-01"]], DEADLINE)).toEqual(["late"]);
  });

  test("without a deadline dates are not checked, and the date column may be missing", () => {
    expect(run([["Stockholm", 1, "2099-01-01"]])).toEqual(["ok"]);
    expect(
      runRequisitions(
        maximaGrid(THREE),
        requisitionGrid([["Stockholm", 1]], ["Kommun", "Belopp"]),
        {}
      ).requisitions[0].status
    ).toBe("ok");
  });
});

describe("wanting more", () => {
  const header = ["Kommun", "Rekvirerat belopp", "Inkom", "Vill ha mer"];
  const wanted = (row: CellValue[]) => {
    const run = runRequisitions(maximaGrid(THREE), requisitionGrid([row], header), {});
    const r = run.requisitions[0];
    return [r.status, r.wanted === "all" ? "all" : r.wanted.toFixed()];
  };

  test("asked above the maximum, an amount in the column, or X for all there is", () => {
    expect(wanted(["Stockholm", 350_000, null, null])).toEqual(["over_max", "50000"]);
    expect(wanted(["Stockholm", 300_000, null, 20_000])).toEqual(["ok", "20000"]);
    expect(wanted(["Stockholm", 350_000, null, 20_000])).toEqual(["over_max", "50000"]);
    expect(wanted(["Stockholm", 350_000, null, "80 000"])).toEqual(["over_max", "80000"]);
    expect(wanted(["Stockholm", 100, null, "X"])).toEqual(["ok", "all"]);
    expect(wanted(["Stockholm", 100, null, "-"])).toEqual(["ok", "0"]);
    expect(wanted(["Stockholm", 100, null, 0])).toEqual(["ok", "0"]);
  });

  test("a wants-more cell that is neither an amount nor a mark makes the amount invalid", () => {
    const run = runRequisitions(
      maximaGrid(THREE),
      requisitionGrid([["Stockholm", 100, null, "kanske"]], header),
      {}
    );
    expect(run.requisitions[0].status).toBe("invalid_amount");
    expect(describeProblem(run.requisitions[0].note, "sv")).toBe(
      "Rekvisitioner!D2: 'kanske' i kolumnen för mer medel är varken ett belopp, X (så mycket som finns) eller -."
    );
  });

  test("late, unknown and invalid requisitions want nothing", () => {
    expect(wanted(["Stockholm", -350_000, null, "X"])).toEqual(["invalid_amount", "0"]);
    expect(wanted(["Uppsala", 350_000, null, "X"])).toEqual(["unknown", "0"]);
  });
});
