// What the browser tests and the bench share to run the pane in Chromium against the Excel
// double: where Chromium is and how it is started, the Office.js address the double stands
// in for, the double's source (the shared workbook model, then office-double.js), and a
// static server for the built pane on 127.0.0.1. Plain CommonJS, so bench/ (plain Node)
// and the TypeScript tests load the same file.
const fs = require("fs");
const http = require("http");
const path = require("path");

const ROOT = path.join(__dirname, "../../..");

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const DOUBLE_SOURCE = [
  path.join(ROOT, "test/doubles/workbook-model.js"),
  path.join(__dirname, "office-double.js"),
]
  .map((file) => fs.readFileSync(file, "utf8"))
  .join("\n");
const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** Serves the files under `dir` on 127.0.0.1 at a free port; nothing outside it. */
function serveStatic(dir) {
  const server = http.createServer((request, response) => {
    const name = path
      .normalize(decodeURIComponent(new URL(request.url || "/", "http://x").pathname))
      .replace(/^[/\\]+/, "");
    const file = path.join(dir, name);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "Content-Type": CONTENT_TYPES[path.extname(file)] || "application/octet-stream",
    });
    response.end(fs.readFileSync(file));
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

/** The page's address on a server serveStatic started. */
function originOf(server) {
  return `http://127.0.0.1:${server.address().port}`;
}

module.exports = { CHROMIUM, CHROMIUM_FLAGS, DOUBLE_SOURCE, OFFICE_JS, originOf, serveStatic };
