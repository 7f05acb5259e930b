// The task pane's size as users download it.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { row } = require("./table");

module.exports = function bundle() {
  const dist = path.join(__dirname, "../dist");
  if (!fs.existsSync(dist)) {
    console.log("(dist/ missing: run `npm run build` to measure the pane bundle)");
    return;
  }
  const gzip = fs
    .readdirSync(dist)
    .filter((f) => /^taskpane.*\.(js|css|html)$/.test(f))
    .reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(dist, f))).length, 0);
  row("task pane bundle (html+js+css, gzip)", gzip / 1024, "KB", null, 150);
};
