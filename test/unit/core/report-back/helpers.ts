import type { Grid } from "../../../../src/core/grid";
import type { SheetModel } from "../../../../src/core/sheets/sheet-model";

/** A sheet model as the grid a reader would get back from the workbook (values only). */
export function modelGrid(model: SheetModel, sheet = model.name): Grid {
  return {
    sheet,
    top: 0,
    left: 0,
    values: model.cells.map((row) => row.map((cell) => cell.value)),
  };
}
