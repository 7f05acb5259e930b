// The bench's one table. Each section adds rows; every figure can stand next to the figure
// it is compared with from the same run, with the ratio and the budget. Timing never fails
// the run: a figure over its budget is marked "OVER BUDGET".

const rows = [];

/** A measured figure that rows can be compared with. */
function figure(name, value, unit) {
  return { name, value, unit };
}

/**
 * Adds a row. compareTo: a figure from the same run (or null). budget: with compareTo, the
 * largest allowed ratio value / compareTo.value; without, the largest allowed value (in
 * `unit`); null for none.
 */
function row(name, value, unit, compareTo = null, budget = null) {
  const r = { name, value, unit, compareTo, budget };
  rows.push(r);
  return r;
}

function formatValue(value, unit) {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  let text;
  if (Number.isInteger(value)) text = value.toLocaleString("en-US").replace(/,/g, " ");
  else if (value >= 100) text = value.toFixed(0);
  else if (value >= 1) text = value.toFixed(2);
  else text = value.toPrecision(3);
  return `${text} ${unit}`;
}

function ratioOf(r) {
  if (r.compareTo) {
    if (r.compareTo.value === 0) return r.value === 0 ? null : Infinity;
    return r.value / r.compareTo.value;
  }
  return r.budget === null ? null : r.value / r.budget;
}

function print(write = console.log) {
  const lines = rows.map((r) => {
    const ratio = ratioOf(r);
    const over = r.budget !== null && ratio !== null && ratio > (r.compareTo ? r.budget : 1);
    return [
      r.name,
      formatValue(r.value, r.unit),
      r.compareTo ? r.compareTo.name : "",
      r.compareTo ? formatValue(r.compareTo.value, r.compareTo.unit) : "",
      ratio === null ? "—" : `${ratio.toFixed(2)}x`,
      r.budget === null ? "—" : r.compareTo ? `<= ${r.budget}x` : `<= ${r.budget} ${r.unit}`,
      over ? "OVER BUDGET" : "",
    ];
  });
  const head = ["figure", "value", "compared with", "its value", "ratio", "budget", ""];
  const widths = head.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
  const align = (cells) =>
    cells
      .map((cell, c) =>
        c === 1 || c === 3 || c === 4 ? cell.padStart(widths[c]) : cell.padEnd(widths[c])
      )
      .join("  ")
      .trimEnd();
  write(align(head));
  write(
    widths
      .map((w) => "-".repeat(w))
      .join("  ")
      .trimEnd()
  );
  for (const l of lines) write(align(l));
  const over = lines.filter((l) => l[6]).length;
  write("");
  write(over === 0 ? "Every figure is within its budget." : `${over} figure(s) OVER BUDGET.`);
}

module.exports = { figure, row, print, rows };
