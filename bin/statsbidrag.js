#!/usr/bin/env node
// Runs the compiled command-line runner (npm ci / npm run build:cli compile it to lib/).
require("../lib/cli/main.js").main();
