// office-addin-lint picks this file up instead of its built-in config.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

const officeJsRules = Object.keys(officeAddins.rules).map((rule) => `office-addins/${rule}`);

export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
    // TypeScript allows a value and a type of the same name (Decimal); tsc checks redeclarations.
    rules: { "no-redeclare": "off" },
  },
  {
    // The runner uses ExcelJS, not Office.js: the Office.js load/sync rules do not apply there.
    files: ["src/cli/**/*.ts"],
    languageOptions: { globals: globals.node },
    rules: Object.fromEntries(officeJsRules.map((rule) => [rule, "off"])),
  },
];
