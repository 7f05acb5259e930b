import { sampleLedger } from "../../../../src/core/jobs/report-back/sample";
import { readNarrative } from "../../../../src/core/jobs/report-back/sheet";
import {
  type ReportSettings,
  ReportController,
  SETTINGS_KEY,
  sheetAddress,
} from "../../../../src/taskpane/report/controller";
import { FakePort } from "../fake-port";

function setUp(sheet = "Huvudbok") {
  const ledger = sampleLedger({ sheet });
  const port = new FakePort(ledger, `${sheet}!A1:G30`);
  port.ranges.set(sheetAddress(sheet), { grid: ledger, address: `${sheet}!A1:G30` });
  port.blockRows = 10;
  const controller = new ReportController({ port, lang: "sv", today: () => "2027-02-01" });
  controller.setReceived("700000");
  controller.setYear("2026");
  controller.setCostCentres("1510");
  controller.setProjects("HS26");
  return { port, controller, ledger };
}

describe("ReportController", () => {
  test("reads the ledger in blocks with progress, then checks it", async () => {
    const { port, controller } = setUp();
    const progress: string[] = [];
    controller.subscribe((s) => {
      if (s.progress) progress.push(`${s.progress.done}/${s.progress.total}`);
    });
    await controller.read();
    const rows = sampleLedger().values.length;
    expect(port.blockReads.length).toBe(Math.ceil(rows / 10));
    expect(progress[0]).toBe(`10/${rows}`);
    expect(progress[progress.length - 1]).toBe(`${rows}/${rows}`);
    expect(controller.state.progress).toBeNull();
    expect(controller.state.issues).toEqual([]);
    expect(controller.state.totals?.received).toBe("700000.00");
    expect(controller.state.totals?.income).toBe("180000.00");
    expect(port.writes).toEqual([]);
    expect(port.ownedReads).toEqual(["accounts", "report"]);
  });

  test("lists the flagged rows with their cells and reasons", async () => {
    const { controller } = setUp();
    await controller.read();
    const flagged = controller.state.flagged;
    expect(flagged.map((f) => f.reasons)).toEqual([
      ["outside_year"],
      ["other_cost_centre"],
      ["disallowed"],
    ]);
    for (const item of flagged) {
      expect(item.cell).toMatch(/^Huvudbok!G\d+$/);
      expect(item.accepted).toBe(false);
      expect(item.messages[0].length).toBeGreaterThan(0);
    }
    expect(flagged[0].cells[0]).toMatch(/^Huvudbok!A\d+$/);
    expect(controller.state.status?.kind).toBe("warning");
  });

  test("accepting a row counts it in the totals; un-accepting takes it out", async () => {
    const { controller } = setUp();
    await controller.read();
    const before = controller.state.totals!;
    const consultant = controller.state.flagged[1];
    controller.accept(consultant.cell, true);
    const after = controller.state.totals!;
    expect(Number(after.used.services) - Number(before.used.services)).toBeCloseTo(9000, 2);
    expect(Number(after.totalUsed) - Number(before.totalUsed)).toBeCloseTo(9000, 2);
    expect(controller.state.flagged[1].accepted).toBe(true);
    controller.accept(consultant.cell, false);
    expect(controller.state.totals).toEqual(before);
  });

  test("an accepted row that is no longer flagged is dropped, not an error", async () => {
    const { controller } = setUp();
    await controller.read();
    controller.accept(controller.state.flagged[1].cell, true);
    controller.setCostCentres("");
    expect(controller.state.issues).toEqual([]);
    expect(controller.state.flagged.map((f) => f.reasons[0])).not.toContain("other_cost_centre");
  });

  test("cancel during the read keeps what was there and writes nothing", async () => {
    const { port, controller } = setUp();
    port.beforeBlock = (index) => {
      if (index === 1) controller.cancel();
    };
    await controller.read();
    expect(port.blockReads.length).toBe(1);
    expect(controller.state.totals).toBeNull();
    expect(controller.state.flagged).toEqual([]);
    expect(controller.state.status?.text).toMatch(/avbröts/);
    expect(port.writes).toEqual([]);
    await controller.write();
    expect(port.writes).toEqual([]);
    expect(controller.state.status?.kind).toBe("error");
  });

  test("writes the report and, the first time, the mapping sheet", async () => {
    const { port, controller } = setUp();
    await controller.read();
    controller.accept(controller.state.flagged[2].cell, true);
    await controller.write();
    expect(port.writes.map((w) => w.job)).toEqual(["report", "accounts"]);
    expect(port.writes[1].model.name).toBe("Kontoindelning");
    expect(controller.state.status?.kind).toBe("success");
    const saved = port.settings.get(SETTINGS_KEY) as ReportSettings;
    expect(saved).toMatchObject({ ledgerSheets: ["Huvudbok"], received: "700000", year: "2026" });
  });

  test("an existing (user-edited) mapping sheet is used and never overwritten", async () => {
    const { port, controller } = setUp();
    await controller.read();
    await controller.write();
    const mapping = port.owned.get("accounts")!;
    // The user moves 74-75 (bought-in services) to "Övrigt".
    const values = mapping.grid.values.map((row) => [...row]);
    const services = values.findIndex((row) => String(row[2]).startsWith("Övriga köpta tjänster"));
    expect(services).toBeGreaterThan(0);
    values[services][1] = "Övrigt";
    port.owned.set("accounts", { ...mapping, grid: { ...mapping.grid, values } });
    port.writes = [];
    await controller.read();
    expect(controller.state.mappingSheet).toBe("Kontoindelning");
    expect(controller.state.totals?.used.services).toBe("0.00");
    await controller.write();
    expect(port.writes.map((w) => w.job)).toEqual(["report"]);
  });

  test("what the user typed in the narrative survives a re-run", async () => {
    const { port, controller } = setUp();
    await controller.read();
    await controller.write();
    const report = port.owned.get("report")!;
    const values = report.grid.values.map((row) => [...row]);
    const r = values.findIndex((row) => row[0] === "Insatser som startats");
    expect(r).toBeGreaterThan(0);
    values[r][1] = "Hälsosamtal för 75-åringar";
    port.owned.set("report", { ...report, grid: { ...report.grid, values } });
    await controller.read();
    expect(controller.state.narrativeKept).toBe(true);
    await controller.write();
    const rewritten = port.writes[port.writes.length - 1].model;
    const grid = {
      sheet: rewritten.name,
      top: 0,
      left: 0,
      values: rewritten.cells.map((row) => row.map((c) => c.value)),
    };
    expect(readNarrative(grid).started).toBe("Hälsosamtal för 75-åringar");
  });

  test("input problems name their fields; nothing is written", async () => {
    const { port, controller } = setUp();
    controller.setYear("tjugo");
    await controller.read();
    expect(controller.state.issues.map((i) => i.field)).toContain("year");
    await controller.write();
    expect(port.writes).toEqual([]);
  });

  test("two ledgers (one per district) are read one after the other", async () => {
    const { port, controller } = setUp();
    const second = sampleLedger({ sheet: "Norr" });
    port.ranges.set(sheetAddress("Norr"), { grid: second, address: "Norr!A1:G30" });
    controller.addLedger();
    controller.setLedgerSheet(1, "Norr");
    const progress: number[] = [];
    controller.subscribe((s) => s.progress && progress.push(s.progress.done / s.progress.total));
    await controller.read();
    expect(controller.state.ledgers.map((l) => l.sheet)).toEqual(["Huvudbok", "Norr"]);
    expect(progress[progress.length - 1]).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(Number(controller.state.totals?.income)).toBe(360000);
  });
});

test("settings someone edited into another shape are ignored, not trusted", async () => {
  const { port, controller } = setUp();
  const before = { ...controller.state, ledgerSheets: [...controller.state.ledgerSheets] };
  // ledgerSheets as a string instead of a list: trusted, the pane would break on start.
  port.settings.set(SETTINGS_KEY, { version: 1, ledgerSheets: "Huvudbok", received: 5 });
  await controller.start();
  expect(controller.state.ledgerSheets).toEqual(before.ledgerSheets);
  expect(controller.state.received).toBe("700000");
  expect(controller.state.status?.text ?? "").not.toContain("förra körningen");
});
