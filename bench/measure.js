// Timing helpers. Figures are the best of several batches (the least disturbed by other
// work on the machine), and figures that are compared are measured in alternating
// batches in the same process, so both sides see the same machine.
const { performance } = require("perf_hooks");

let sink; // results are kept here so no call can be optimised away

/** Milliseconds per call of fn, from calls repeated for at least minMs. */
function perCall(fn, minMs) {
  let calls = 0;
  const start = performance.now();
  let elapsed;
  do {
    sink = fn();
    calls++;
  } while ((elapsed = performance.now() - start) < minMs);
  return elapsed / calls;
}

/** Best ms per call of each function, measured in alternating batches. */
function compare(fns, { batches = 7, minMs = 100, warmup = 3 } = {}) {
  for (const fn of fns) for (let i = 0; i < warmup; i++) sink = fn();
  const best = fns.map(() => Infinity);
  for (let b = 0; b < batches; b++)
    fns.forEach((fn, i) => {
      best[i] = Math.min(best[i], perCall(fn, minMs));
    });
  return best;
}

/** Best ms per call of one function. */
function time(fn, options) {
  return compare([fn], options)[0];
}

module.exports = { compare, time, keep: () => sink };
