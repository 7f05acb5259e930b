// office-addin-lint picks this file up instead of its built-in config.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

const officeJsRules = Object.keys(officeAddins.rules).map((rule) => `office-addins/${rule}`);

export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
    // tsc already checks names (and knows DOM, Office and Excel types), as typescript-eslint
    // advises: no-undef cannot see type-only globals, and TypeScript allows a value and a type
    // of the same name (Decimal).
    rules: { "no-redeclare": "off", "no-undef": "off" },
  },
  {
    // The runner uses ExcelJS, not Office.js: the Office.js load/sync rules do not apply there.
    files: ["src/cli/**/*.ts"],
    rules: Object.fromEntries(officeJsRules.map((rule) => [rule, "off"])),
  },
  {
    // Import boundaries (DESIGN.md): core decides, adapters move grids in and out.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/excel/**", "**/taskpane/**", "**/cli/**", "**/commands/**"],
              message: "core imports no adapter",
            },
            {
              group: ["exceljs", "fs", "path", "util", "os", "node:*"],
              message: "core is pure: no Node or file APIs",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/excel/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/taskpane/**", "**/cli/**"],
              message: "the Excel adapter knows no pane or runner",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/excel/**", "**/taskpane/**"],
              message: "the runner does not use Office.js or the pane",
            },
          ],
        },
      ],
    },
  },
];
