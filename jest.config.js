/** Two projects: fast unit tests, and end-to-end tests (runner on .xlsx, LibreOffice, Chromium). */
const { mkdirSync } = require("fs");

// Screenshots and the --json results of `npm test` go here; jest does not create the folder.
mkdirSync(`${__dirname}/test-artifacts`, { recursive: true });
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json" }];

/** @type {import('jest').Config} */
module.exports = {
  // A browser or LibreOffice step can take seconds on a loaded 2-core machine (a project
  // cannot set its own timeout; unit tests finish far below it).
  testTimeout: 30_000,
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/test/unit"],
      transform: { "^.+\\.ts$": tsJest },
    },
    {
      displayName: "e2e",
      testEnvironment: "node",
      roots: ["<rootDir>/test/e2e"],
      transform: { "^.+\\.ts$": tsJest },
    },
  ],
};
