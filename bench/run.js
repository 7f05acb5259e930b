// npm run bench: one table of speed, memory and size against the budgets in DESIGN.md.
// Every timed figure is the best of several batches; compared figures are measured in
// alternating batches in this one process. Timing never fails the run: a figure over its
// budget is marked OVER BUDGET. A new job adds its section (a module exporting a function
// that calls row() from ./table) to this list.
const { print } = require("./table");

const sections = [
  require("./engine"),
  require("./allocation"),
  require("./parse"),
  require("./runner"),
  require("./report"),
  require("./bundle"),
  require("./excel"),
];

async function main() {
  // Sections may be async (the runner reads and writes files); they run one after another.
  for (const section of sections) await section();
  console.log(
    `node ${process.version}, ${require("os").cpus().length} CPU(s), load ${require("os").loadavg()[0].toFixed(1)}`
  );
  print();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
