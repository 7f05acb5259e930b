// The allocation job's core on a 290-municipality table: the Decimal apportion layer it
// uses, and the whole job (read the grid, split, build the sheet model).
const { row } = require("./table");
const { time } = require("./measure");
const data = require("./data");
const { Decimal } = require("../lib/core/money");
const { apportion } = require("../lib/core/apportion");
const { runAllocation } = require("../lib/core/jobs/allocation/allocation");
const { allocationSheet } = require("../lib/core/jobs/allocation/sheet");

module.exports = function allocation() {
  const names = data.names(290);
  const keys = data.keys(290).map((k) => new Decimal(k));
  const pot = new Decimal(90_000_000);
  const one = new Decimal(1);
  row(
    "apportion (Decimal layer, with ranks), 290 recipients",
    time(() => apportion(pot, one, keys, names)),
    "ms",
    null,
    1
  );

  const grid = {
    sheet: "Fördelningslista",
    top: 0,
    left: 0,
    values: [["Kommun", "Antal invånare 80+"], ...names.map((n, i) => [n, keys[i].toNumber()])],
  };
  row(
    "whole allocation job, 290-row grid (read, split, sheet model)",
    time(() => {
      const run = runAllocation(grid, { total: "90 000 000" });
      return allocationSheet(run.result, {
        lang: "sv",
        date: "2026-11-25",
        nameHeader: "Kommun",
        keyHeader: "Antal",
        source: "x",
      });
    }),
    "ms",
    null,
    5
  );
};
