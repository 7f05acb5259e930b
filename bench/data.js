// Deterministic sample data for the bench: population-like keys (200..60 199, like the
// number of residents 80+ per municipality), the same on every run.

function keys(n, seed = 20260202) {
  let state = seed;
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    out[i] = Math.floor(200 + (state / 2 ** 31) * 60_000);
  }
  return out;
}

function names(n) {
  return Array.from({ length: n }, (_, i) => `Kommun ${String(i + 1).padStart(3, "0")}`);
}

/** "1 000 000" */
function label(n) {
  return n.toLocaleString("en-US").replace(/,/g, " ");
}

module.exports = { keys, names, label };
