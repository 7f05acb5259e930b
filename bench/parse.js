// Reading amounts: 100 000 ledger-sized cells, time and heap growth.
const { row } = require("./table");
const { time } = require("./measure");
const { parseNumberCell } = require("../lib/core/parse");

module.exports = function parse() {
  const cells = Array.from({ length: 100_000 }, (_, i) =>
    i % 3 === 0
      ? `${i} ${String(i % 1000).padStart(3, "0")},50 kr`
      : i % 3 === 1
        ? i * 1.25
        : `-${i}`
  );
  const heapBefore = process.memoryUsage().heapUsed;
  row(
    "parse 100 000 amount cells (ledger-sized)",
    time(
      () => {
        for (const cell of cells) parseNumberCell(cell);
      },
      { batches: 3, minMs: 0, warmup: 1 }
    ),
    "ms",
    null,
    1000
  );
  const heapAfter = process.memoryUsage().heapUsed;
  row(
    "heap growth while parsing 100 000 cells",
    Math.max(0, heapAfter - heapBefore) / 2 ** 20,
    "MiB",
    null,
    200
  );
};
