// The exact engine (the package's Node API) against npm `apportionment`'s float Hamilton,
// side by side in one process; the BigInt path; the capped re-distribution.
const { figure, row } = require("./table");
const { compare } = require("./measure");
const data = require("./data");
const { apportion, apportionCapped } = require("../lib/index.js");

// apportionment 2.0.3 prints a line when it is loaded; keep it out of the table.
const { hamilton } = (() => {
  const log = console.log;
  console.log = () => {};
  try {
    return require("apportionment");
  } finally {
    console.log = log;
  }
})();

const TOTAL = 90_000_000;
/** Far beyond 2^53 once multiplied by a key: forces the BigInt path. */
const BIG_TOTAL = "900000000000000000000";

/**
 * Rows where our amounts and hamilton's differ, and how many of them are exact ties: rows
 * whose exact remainder (total × key mod key sum) equals the smallest remainder that got
 * an extra unit, so that only the tie-break decides between them.
 */
function differences(keys, ours, theirs) {
  let sum = 0;
  for (const k of keys) sum += k;
  const remainders = new Float64Array(keys.length);
  let threshold = Infinity;
  for (let i = 0; i < keys.length; i++) {
    const product = TOTAL * keys[i]; // < 2^53 for these keys
    const r = product % sum;
    remainders[i] = r;
    const floor = (product - r) / sum;
    if (Number(ours[i]) > floor && r < threshold) threshold = r;
  }
  let differ = 0;
  let ties = 0;
  for (let i = 0; i < keys.length; i++) {
    if (Number(ours[i]) === theirs[i]) continue;
    differ++;
    if (remainders[i] === threshold) ties++;
  }
  return { differ, ties };
}

function versusHamilton() {
  const sizes = [
    { n: 290, budget: 0.5, options: { batches: 9, minMs: 100 } },
    { n: 100_000, budget: null, options: { batches: 7, minMs: 100 } },
    { n: 1_000_000, budget: 0.1, options: { batches: 5, minMs: 50 } },
  ];
  for (const { n, budget, options } of sizes) {
    const keys = data.keys(n);
    const [ours, theirs] = compare(
      [() => apportion(TOTAL, keys), () => hamilton(keys, TOTAL)],
      options
    );
    const size = data.label(n);
    row(
      `apportion, ${size} recipients`,
      ours,
      "ms",
      figure(`apportionment hamilton, ${size}`, theirs, "ms"),
      budget
    );
    const theirAmounts = hamilton(keys, TOTAL).apportionment;
    const byRow = differences(keys, apportion(TOTAL, keys).amounts, theirAmounts);
    row(
      `  rows differing from hamilton, ${size}, ties by row`,
      byRow.differ,
      "rows",
      figure("of them exact ties", byRow.ties, "rows"),
      1
    );
    // Names that run opposite to the rows: exact ties now go the other way than in
    // hamilton's (stable) sort, and only those may differ.
    const names = keys.map((_, i) => `R${String(n - i).padStart(8, "0")}`);
    const byName = differences(keys, apportion(TOTAL, keys, { names }).amounts, theirAmounts);
    row(
      `  rows differing from hamilton, ${size}, ties by name`,
      byName.differ,
      "rows",
      figure("of them exact ties", byName.ties, "rows"),
      1
    );
  }
}

function bigIntPath() {
  for (const n of [290, 100_000]) {
    const keys = data.keys(n);
    const [big, safe] = compare([() => apportion(BIG_TOTAL, keys), () => apportion(TOTAL, keys)], {
      batches: 5,
      minMs: 100,
    });
    const size = data.label(n);
    row(
      `apportion, BigInt path (total 9e20), ${size}`,
      big,
      "ms",
      figure(`apportion, safe-integer path, ${size}`, safe, "ms")
    );
  }
}

/**
 * Requisitions-like caps: each recipient asks for between 30 % and 200 % of its
 * proportional share, so a good part of them is capped and the rest shares what they leave.
 */
function caps(keys) {
  let sum = 0;
  for (const k of keys) sum += k;
  let state = 7;
  return keys.map((k) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor(((TOTAL * k) / sum) * (0.3 + 1.7 * (state / 2 ** 31)));
  });
}

function capped() {
  for (const n of [290, 100_000]) {
    const keys = data.keys(n);
    const limits = caps(keys);
    const { rounds } = apportionCapped(TOTAL, keys, limits);
    const [withCaps, plain] = compare(
      [() => apportionCapped(TOTAL, keys, limits), () => apportion(TOTAL, keys)],
      { batches: 7, minMs: 100 }
    );
    const size = data.label(n);
    row(
      `apportionCapped, ${size} recipients (${rounds} rounds)`,
      withCaps,
      "ms",
      figure(`apportion, ${size} (no caps)`, plain, "ms")
    );
  }
}

module.exports = function engine() {
  versusHamilton();
  bigIntPath();
  capped();
};
