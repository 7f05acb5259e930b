/** The Fördela step's "Avancerat" inputs: base, floor, ceiling, a weighted second key, last year. */
import { AllocationController } from "../../../../src/taskpane/allocation/controller";
import { FakePort, stockholmGrid } from "../fake-port";

async function ready() {
  const grid = stockholmGrid("Nyckel");
  const port = new FakePort(grid, "Blad1!A1:D12");
  const controller = new AllocationController({ port, lang: "sv", today: () => "2026-11-25" });
  await controller.start();
  await controller.useSelection();
  controller.setTotal("6 069 306");
  return controller;
}

const total = (controller: AllocationController) =>
  controller.state.run?.result.rows.reduce((s, r) => s + r.amount.toNumber(), 0);

describe("AllocationController: Avancerat", () => {
  test("empty inputs change nothing: the plain split", async () => {
    const controller = await ready();
    const plain = controller.state.run?.result.rows.map((r) => r.amount.toFixed());
    controller.setAdvanced({ base: " ", floor: "" });
    expect(controller.state.run?.result.rows.map((r) => r.amount.toFixed())).toEqual(plain);
    expect(controller.state.run?.result.shapes).toBeUndefined();
  });

  test("a base amount and a floor apply; the total stays exact", async () => {
    const controller = await ready();
    controller.setAdvanced({ base: "100 000", floor: "450 000" });
    expect(controller.state.issues).toEqual([]);
    const rows = controller.state.run?.result.rows ?? [];
    expect(rows.every((r) => r.amount.toNumber() >= 450000)).toBe(true);
    expect(rows.some((r) => r.shape?.bound === "floor")).toBe(true);
    expect(total(controller)).toBe(6069306);
  });

  test("infeasible floors are shown next to the floor, with the amount", async () => {
    const controller = await ready();
    controller.setAdvanced({ floor: "600 000" });
    expect(controller.state.issues).toEqual([
      expect.objectContaining({
        field: "floor",
        message: expect.stringContaining("mer än det som fördelas"),
      }),
    ]);
    // The preview keeps the last good split, marked as stale.
    expect(controller.state.previewStale).toBe(true);
  });

  test("a second key needs weights that add up to 100", async () => {
    const controller = await ready();
    const keyColumn = controller.state.columns?.keyColumn ?? 0;
    controller.setAdvanced({ secondKey: keyColumn, keyWeight: "50", secondWeight: "40" });
    expect(controller.state.issues.map((i) => i.field)).toEqual(["weights"]);
    controller.setAdvanced({ secondWeight: "50" });
    expect(controller.state.issues).toEqual([]);
    expect(total(controller)).toBe(6069306);
  });
});

describe("AllocationController: the run log", () => {
  test("a write appends a Körlogg row with the runner line that reproduces it", async () => {
    const grid = stockholmGrid("Nyckel");
    const port = new FakePort(grid, "Blad1!A1:D12");
    const controller = new AllocationController({
      port,
      lang: "sv",
      today: () => "2026-11-25",
    });
    await controller.start();
    await controller.useSelection();
    controller.setTotal("6 069 306");
    controller.setAdvanced({ base: "10 000" });
    await controller.write();
    expect(port.writes.map((w) => w.job)).toEqual(["allocation", "runlog"]);
    const log = port.writes[1].model.cells;
    expect(log[1][2].value).toBe("allocate");
    expect(log[1][3].value).toBe("Blad1!A1:D12");
    expect(log[1][4].value).toBe(
      "statsbidrag allocate arbetsbok.xlsx --sheet Blad1 --range A1:D12 --total '6 069 306' --unit 1 --name-column Stadsdelsförvaltning --key-column Nyckel --interest-column Beställarenhet --interest-column 'Förebyggande enhet' --base '10 000' --lang sv --date 2026-11-25"
    );
    expect(log[1][5].value).toBe(11);
    // The next write appends row 2 to the log the port holds.
    await controller.write();
    expect(port.writes[3].model.cells.slice(1).map((row) => row[0].value)).toEqual([1, 2]);
  });

  test("the log row is what was written, even when an input changes while Excel writes", async () => {
    const controller = await ready();
    const port = (controller as unknown as { port: FakePort }).port;
    const write = port.writeOutput.bind(port);
    let typed = false;
    port.writeOutput = async (job, model) => {
      // The user types a new pot while the table is on its way to Excel.
      if (job === "allocation" && !typed) {
        typed = true;
        controller.setTotal("1 000 000");
      }
      return write(job, model);
    };
    await controller.write();
    const log = port.writes[1].model.cells;
    expect(log[1][4].value).toContain("--total '6 069 306'");
    expect(log[1][7].value).toBe(6069306);
  });

  test("a table written whose log row could not be written says both", async () => {
    const controller = await ready();
    const port = (controller as unknown as { port: FakePort }).port;
    port.rewriteOwned = async () => {
      throw new Error("GeneralException");
    };
    await controller.write();
    expect(port.writes.map((w) => w.job)).toEqual(["allocation"]);
    expect(controller.state.written).not.toBeNull();
    expect(controller.state.status?.text).toMatch(
      /^Tabellen skrevs till bladet .* Raden i Körlogg kunde inte skrivas\.$/
    );
  });
});

describe("AllocationController: Avancerat is remembered with the run", () => {
  test("a colleague opening the workbook gets the same shapes back, columns by header", async () => {
    const grid = stockholmGrid("Nyckel");
    const port = new FakePort(grid, "Blad1!A1:D12");
    const first = new AllocationController({ port, lang: "sv", today: () => "2026-11-25" });
    await first.start();
    await first.useSelection();
    first.setTotal("6 069 306");
    const key = first.state.columns?.keyColumn ?? 0;
    first.setAdvanced({ base: "10 000", secondKey: key, keyWeight: "50", secondWeight: "50" });
    await first.write();
    const amounts = first.state.run?.result.rows.map((r) => r.amount.toFixed());

    const again = new AllocationController({ port, lang: "sv", today: () => "2026-11-26" });
    await again.start();
    await again.useSelection();
    expect(again.state.advanced).toMatchObject({
      base: "10 000",
      secondKey: key,
      keyWeight: "50",
      secondWeight: "50",
      lastYearColumn: null,
    });
    expect(again.state.run?.result.rows.map((r) => r.amount.toFixed())).toEqual(amounts);
  });
});

describe("AllocationController: base, floor and ceiling from columns", () => {
  /** The Stockholm table with a base amount per district and a ceiling per district beside it. */
  function gridWithColumns() {
    const grid = stockholmGrid("Nyckel");
    const [header, ...rows] = grid.values;
    return {
      ...grid,
      values: [
        [...header, "Grundbelopp", "Tak"],
        ...rows.map((row, i) => [...row, i === 0 ? 100000 : 20000, 700000]),
      ],
    };
  }

  async function readyWithColumns() {
    const port = new FakePort(gridWithColumns(), "Blad1!A1:F12");
    const controller = new AllocationController({ port, lang: "sv", today: () => "2026-11-25" });
    await controller.start();
    await controller.useSelection();
    controller.setTotal("6 069 306");
    const headers = controller.state.columns?.headers ?? [];
    return { port, controller, base: headers.indexOf("Grundbelopp"), cap: headers.indexOf("Tak") };
  }

  test("each recipient's base comes from its row; the amount typed for all is not used then", async () => {
    const { controller, base } = await readyWithColumns();
    controller.setAdvanced({ base: "999 999", baseColumn: base });
    expect(controller.state.issues).toEqual([]);
    const rows = controller.state.run?.result.rows ?? [];
    const bases = rows.map((r) => r.shape?.base?.toNumber());
    expect(bases[0]).toBe(100000);
    expect(bases.slice(1).every((b) => b === 20000)).toBe(true);
    expect(total(controller)).toBe(6069306);
  });

  test("a ceiling column caps each row; the log names the columns, as the runner's flags", async () => {
    const { port, controller, base, cap } = await readyWithColumns();
    controller.setAdvanced({ baseColumn: base, ceilingColumn: cap });
    expect(controller.state.issues).toEqual([]);
    const rows = controller.state.run?.result.rows ?? [];
    expect(rows.every((r) => r.amount.toNumber() <= 700000)).toBe(true);
    expect(rows.some((r) => r.shape?.bound === "ceiling")).toBe(true);
    expect(total(controller)).toBe(6069306);
    await controller.write();
    const line = String(port.writes[1].model.cells[1][4].value);
    expect(line).toContain("--base-column Grundbelopp --ceiling-column Tak");
    expect(line).not.toContain("--base ");
  });

  test("a column that is not a number is refused naming its cell", async () => {
    const { controller, base } = await readyWithColumns();
    const source = controller.state.sources.source;
    if (!source) throw new Error("no source");
    source.grid.values[3][4] = "tjugo tusen";
    controller.setAdvanced({ baseColumn: base });
    expect(controller.state.issues).toEqual([
      expect.objectContaining({ cell: "Blad1!E4", message: "'tjugo tusen' är inte ett tal." }),
    ]);
  });

  test("the columns are remembered by header for the same source", async () => {
    const { port, controller, base, cap } = await readyWithColumns();
    controller.setAdvanced({ floorColumn: base, ceilingColumn: cap });
    await controller.write();
    const again = new AllocationController({ port, lang: "sv", today: () => "2026-11-26" });
    await again.start();
    await again.useSelection();
    expect(again.state.advanced).toMatchObject({
      baseColumn: null,
      floorColumn: base,
      ceilingColumn: cap,
    });
    expect(again.state.run?.result.rows.map((r) => r.amount.toFixed())).toEqual(
      controller.state.run?.result.rows.map((r) => r.amount.toFixed())
    );
  });
});

describe("AllocationController: three weighted keys", () => {
  /** Districts with residents 65+, 80+ and 90+ (made-up counts). */
  function threeKeyGrid() {
    const grid = stockholmGrid("Invånare 65+");
    const [header, ...rows] = grid.values;
    return {
      ...grid,
      values: [
        [...header, "Invånare 80+", "Invånare 90+"],
        ...rows.map((row, i) => [...row, 1000 + 37 * i, 100 + 11 * i]),
      ],
    };
  }

  test("a third key joins the weighing; the weights must add up to 100; the log and settings keep it", async () => {
    const port = new FakePort(threeKeyGrid(), "Blad1!A1:F12");
    const controller = new AllocationController({ port, lang: "sv", today: () => "2026-11-25" });
    await controller.start();
    await controller.useSelection();
    controller.setTotal("6 069 306");
    const headers = controller.state.columns?.headers ?? [];
    controller.setKeyColumn(headers.indexOf("Invånare 65+"));
    controller.setAdvanced({
      secondKey: headers.indexOf("Invånare 80+"),
      keyWeight: "50",
      secondWeight: "30",
    });
    expect(controller.state.issues.map((i) => i.field)).toEqual(["weights"]);
    controller.addKey();
    // A key row without a column does not count yet: still 80 %.
    expect(controller.state.issues.map((i) => i.field)).toEqual(["weights"]);
    controller.setMoreKey(0, { column: headers.indexOf("Invånare 90+"), weight: "20" });
    expect(controller.state.issues).toEqual([]);
    const result = controller.state.run?.result;
    expect(result?.shapes?.shapes.weighted?.headers).toEqual([
      "Invånare 65+",
      "Invånare 80+",
      "Invånare 90+",
    ]);
    expect(total(controller)).toBe(6069306);

    await controller.write();
    const line = String(port.writes[1].model.cells[1][4].value);
    expect(line).toContain(
      "--key-column 'Invånare 65+' --weight 50 --key-column 'Invånare 80+' --weight 30 --key-column 'Invånare 90+' --weight 20"
    );

    const again = new AllocationController({ port, lang: "sv", today: () => "2026-11-26" });
    await again.start();
    await again.useSelection();
    expect(again.state.advanced.moreKeys).toEqual([
      { column: headers.indexOf("Invånare 90+"), weight: "20" },
    ]);
    expect(again.state.run?.result.rows.map((r) => r.amount.toFixed())).toEqual(
      controller.state.run?.result.rows.map((r) => r.amount.toFixed())
    );

    again.removeKey(0);
    expect(again.state.issues.map((i) => i.field)).toEqual(["weights"]);
  });
});
