import type { Grid } from "../../../../src/core/grid";
import { gridRangeRef } from "../../../../src/core/grid";
import { OfficeCallError } from "../../../../src/excel/errors";
import type { SourceRange } from "../../../../src/excel/port";
import {
  RequisitionsController,
  type RequisitionsSettings,
  SETTINGS_KEY,
  validSettings,
} from "../../../../src/taskpane/requisitions/controller";
import { FakePort, STOCKHOLM } from "../fake-port";

/** The districts' maxima as a user pasted them on "Maxbelopp". */
function maximaGrid(): Grid {
  return {
    sheet: "Maxbelopp",
    top: 0,
    left: 0,
    values: [["Stadsdel", "Maxbelopp"], ...STOCKHOLM.map(([name, amount]) => [name, amount])],
  };
}

/**
 * The requisitions on "Inkomna": Bromma in full, Farsta 10 000 kr over its maximum, Järva after
 * the deadline, an unknown "Malmö", and Bromma a second time.
 */
function requisitionsGrid(): Grid {
  return {
    sheet: "Inkomna",
    top: 0,
    left: 0,
    values: [
      ["Mottagare", "Rekvirerat belopp", "Inkom"],
      ["Bromma", 459491, "2026-03-10"],
      ["Farsta", 365411, "2026-03-12"],
      ["Järva", 418751, "2026-04-20"],
      ["Malmö", 100000, "2026-03-11"],
      ["Bromma", 1000, "2026-03-13"],
      ["Södermalm", 945876, "2026-03-14"],
    ],
  };
}

function source(grid: Grid): SourceRange {
  return { grid, address: gridRangeRef(grid) };
}

function setup(lang: "sv" | "en" = "sv") {
  const maxima = source(maximaGrid());
  const requisitions = source(requisitionsGrid());
  const port = new FakePort(maxima.grid, maxima.address);
  port.ranges.set(requisitions.address, requisitions);
  port.tables = [
    {
      info: { name: "Inkomna", sheet: "Inkomna", address: requisitions.address },
      source: { ...requisitions, tableName: "Inkomna" },
    },
  ];
  const controller = new RequisitionsController({ port, lang, today: () => "2026-11-25" });
  return { port, controller, maxima, requisitions };
}

async function bothRead(controller: RequisitionsController): Promise<void> {
  await controller.start();
  await controller.maximaPicker.useSelection();
  await controller.requisitionsPicker.readTable("Inkomna");
}

describe("RequisitionsController: reading the two lists", () => {
  test("reads the maxima from the selection and the requisitions from a table, each in its own picker", async () => {
    const { controller } = setup();
    await controller.start();
    expect(controller.state.requisitions.tables.map((t) => t.name)).toEqual(["Inkomna"]);
    await controller.maximaPicker.useSelection();
    expect(controller.state.maxima.source?.address).toBe("Maxbelopp!A1:B12");
    expect(controller.state.requisitions.source).toBeNull();
    expect(controller.state.status?.text).toBe("Läste maxbelopp från Maxbelopp!A1:B12.");
    // One list alone is an empty form, not an error.
    expect(controller.state.issues).toEqual([]);
    expect(controller.state.run).toBeNull();

    await controller.requisitionsPicker.readTable("Inkomna");
    expect(controller.state.requisitions.source?.tableName).toBe("Inkomna");
    expect(controller.state.status?.text).toBe("Läste Inkomna!A1:C7: 6 rekvisitioner.");
    expect(controller.state.run?.lines).toHaveLength(11);
    expect(controller.state.issues).toEqual([]);
  });

  test("takes the maxima from the add-in's own allocation sheet with one click", async () => {
    const { port, controller } = setup();
    const allocation: Grid = {
      sheet: "Fördelning (2)",
      top: 0,
      left: 0,
      values: [
        ["Fördelning av statsbidrag", null, null, null],
        [null, null, null, null],
        ["Stadsdelsförvaltning", "Nyckel", "Andel", "Belopp (kr)"],
        ...STOCKHOLM.map(([name, amount]) => [name, amount, "1 %", amount]),
        ["Äldreförvaltningen", null, null, 400000],
        ["Summa", 5669306, "100 %", 6069306],
      ],
    };
    port.owned.set("allocation", source(allocation));
    await controller.start();
    await controller.useAllocationSheet();
    expect(port.ownedReads).toEqual(["allocation"]);
    expect(controller.state.maximaOwned).toBe(true);
    expect(controller.state.maxima.source?.address).toBe("'Fördelning (2)'!A1:D16");
    expect(controller.state.status?.text).toBe(
      "Maxbeloppen lästes från tilläggets fördelning 'Fördelning (2)'!A1:D16."
    );
    // The user's selection was not used or moved.
    expect(port.selects).toEqual([]);

    await controller.requisitionsPicker.readTable("Inkomna");
    const run = controller.state.run;
    expect(run).not.toBeNull();
    // The reserve and the total row are not recipients.
    expect(run?.lines.map((l) => l.recipient.name)).toEqual(STOCKHOLM.map(([name]) => name));
    expect(
      run?.lines.find((l) => l.recipient.name === "Farsta")?.recipient.maximum.toNumber()
    ).toBe(355411);
  });

  test("without an allocation sheet of the add-in, says so by the maxima and reads nothing", async () => {
    const { port, controller } = setup();
    await controller.start();
    await controller.useAllocationSheet();
    expect(port.ownedReads).toEqual(["allocation"]);
    expect(controller.state.maxima.source).toBeNull();
    expect(controller.state.status?.kind).toBe("error");
    expect(controller.state.issues).toEqual([
      { field: "maxima", message: expect.stringContaining("inget Fördelning-blad") },
    ]);
  });

  test("an Excel failure while reading the allocation sheet is shown, not thrown", async () => {
    const { port, controller } = setup();
    await controller.start();
    port.failNext = new OfficeCallError(
      { kind: "readOwnedTable", job: "allocation" },
      Object.assign(new Error("Boom"), { code: "GeneralException" })
    );
    await controller.useAllocationSheet();
    expect(controller.state.status).toEqual({
      kind: "error",
      text: "Excel kunde inte läsa tilläggets eget blad: Boom",
    });
    expect(controller.state.busy).toBeNull();
  });
});

describe("RequisitionsController: statuses with their cells", () => {
  test("lists every requisition that is not ok with its status in words and the cell to jump to", async () => {
    const { port, controller } = setup();
    await bothRead(controller);
    controller.setDeadline("2026-03-31");
    expect(controller.state.issues).toEqual([]);
    const remarks = controller.state.remarks;
    expect(remarks.map((r) => [r.status, r.cell])).toEqual([
      ["over_max", "Inkomna!B3"],
      ["late", "Inkomna!C4"],
      ["unknown", "Inkomna!A5"],
      ["duplicate", "Inkomna!A6"],
    ]);
    expect(remarks.map((r) => r.statusText)).toEqual([
      "Över max",
      "För sent",
      "Okänd mottagare",
      "Dubblett",
    ]);
    expect(remarks[0].message).toMatch(/10\s000 kr över/);
    expect(remarks[2].message).toContain("Malmö");
    // Messages are shown beside the cell link, so they do not repeat it.
    expect(remarks.every((r) => !r.message.startsWith(r.cell))).toBe(true);

    // A remark's link selects its cell.
    await controller.goTo(remarks[1].cell);
    expect(port.selects).toEqual(["Inkomna!C4"]);
  });

  test("without a deadline no requisition is late; the result follows every change live", async () => {
    const { controller } = setup();
    await bothRead(controller);
    expect(controller.state.remarks.map((r) => r.status)).toEqual([
      "over_max",
      "unknown",
      "duplicate",
    ]);
    const run = controller.state.run!;
    // Approved: Bromma, Farsta's maximum, Järva, Södermalm.
    expect(run.approved.toNumber()).toBe(459491 + 355411 + 418751 + 945876);
    expect(run.pot.toNumber()).toBe(5669306);

    controller.setRedistribute(true);
    expect(controller.state.run?.redistribute).toBe(true);
    // Farsta asked 10 000 kr above its maximum: all of it can be placed.
    expect(controller.state.run?.redistributed.toNumber()).toBe(10000);
  });

  test("an invalid pot or deadline is shown by its field and nothing is written", async () => {
    const { port, controller } = setup();
    await bothRead(controller);
    controller.setTotal("tolv");
    controller.setDeadline("2026-02-31");
    expect(controller.state.run).toBeNull();
    const fields = controller.state.issues.map((i) => i.field).sort();
    expect(fields).toEqual(["deadline", "total"]);
    await controller.write();
    expect(port.writes).toEqual([]);
    expect(controller.state.status).toEqual({
      kind: "error",
      text: "Inget skrevs. Rätta de 2 felen ovan först.",
    });

    controller.setTotal("");
    controller.setDeadline("");
    expect(controller.state.issues).toEqual([]);
  });

  test("a pot below the sum of the maxima is refused by the pot field", async () => {
    const { controller } = setup();
    await bothRead(controller);
    controller.setTotal("1 000");
    expect(controller.state.issues.map((i) => i.field)).toEqual(["total"]);
  });

  test("asking to write with a list missing names the missing list and writes nothing", async () => {
    const { port, controller } = setup();
    await controller.start();
    await controller.maximaPicker.useSelection();
    await controller.write();
    expect(port.writes).toEqual([]);
    expect(controller.state.issues).toEqual([
      { field: "requisitions", message: expect.stringContaining("Välj rekvisitionerna") },
    ]);
  });
});

describe("RequisitionsController: writing", () => {
  test("writes the owned Rekvisitioner sheet once and remembers the run", async () => {
    const { port, controller } = setup();
    await bothRead(controller);
    controller.setDeadline("2026-03-31");
    controller.setRedistribute(true);
    await controller.write();
    expect(port.writes).toHaveLength(1);
    expect(port.writes[0].job).toBe("requisitions");
    expect(port.writes[0].model.name).toBe("Rekvisitioner");
    expect(controller.state.status?.kind).toBe("success");
    expect(controller.state.written).not.toBeNull();

    const saved = port.settings.get(SETTINGS_KEY) as RequisitionsSettings;
    expect(saved).toEqual({
      version: 1,
      maxima: { address: "Maxbelopp!A1:B12" },
      requisitions: { address: "Inkomna!A1:C7", tableName: "Inkomna" },
      deadline: "2026-03-31",
      total: "",
      unit: "1",
      redistribute: true,
    });
    expect(validSettings(saved)).toEqual(saved);
  });

  test("a later start restores the conditions, re-reads the requisitions table and the own allocation sheet", async () => {
    const { port } = setup();
    port.settings.set(SETTINGS_KEY, {
      version: 1,
      maxima: { owned: true },
      requisitions: { address: "Inkomna!A1:C7", tableName: "Inkomna" },
      deadline: "2026-03-31",
      total: "",
      unit: "100",
      redistribute: true,
    });
    port.owned.set("allocation", source(maximaGrid()));
    const controller = new RequisitionsController({ port, lang: "en", today: () => "2026-11-25" });
    await controller.start();
    expect(controller.state.deadline).toBe("2026-03-31");
    expect(controller.state.unit).toBe("100");
    expect(controller.state.maximaOwned).toBe(true);
    expect(controller.state.requisitions.source?.tableName).toBe("Inkomna");
    expect(controller.state.run).not.toBeNull();
    expect(controller.state.remarks.map((r) => r.statusText)).toEqual([
      "Over maximum",
      "Late",
      "Unknown recipient",
      "Duplicate",
    ]);
  });

  test("settings someone else edited are ignored", () => {
    expect(validSettings({ version: 2 })).toBeNull();
    expect(validSettings({ version: 1, maxima: null })).toBeNull();
    expect(
      validSettings({
        version: 1,
        maxima: {},
        requisitions: { address: 5 },
        deadline: "",
        total: "",
        redistribute: false,
      })
    ).toBeNull();
  });
});
