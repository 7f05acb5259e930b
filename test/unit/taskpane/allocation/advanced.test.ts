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
    expect(controller.state.run).toBeNull();
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
