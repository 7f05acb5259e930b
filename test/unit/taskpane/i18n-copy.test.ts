import { ALLOCATION_TEXTS } from "../../../src/taskpane/allocation/texts";
import { REQUISITIONS_TEXTS } from "../../../src/taskpane/requisitions/texts";
import { SHELL_TEXTS, paneLanguage } from "../../../src/taskpane/shell/texts";
import { escapeHtml, formatByNumberFormat } from "../../../src/taskpane/copy-table";

test("English for every English Office locale, Swedish otherwise", () => {
  expect(paneLanguage("en-US")).toBe("en");
  expect(paneLanguage("EN-gb")).toBe("en");
  expect(paneLanguage("sv-SE")).toBe("sv");
  expect(paneLanguage("fi-FI")).toBe("sv");
  expect(paneLanguage("")).toBe("sv");
});

test.each([
  ["shell", SHELL_TEXTS],
  ["allocation", ALLOCATION_TEXTS],
  ["requisitions", REQUISITIONS_TEXTS],
])("both languages have every %s text", (_, texts) => {
  expect(Object.keys(texts.en).sort()).toEqual(Object.keys(texts.sv).sort());
});

test("numbers for Word look as in the sheet", () => {
  expect(formatByNumberFormat(1059660, "#,##0", "sv")).toBe("1\u00a0059\u00a0660");
  expect(formatByNumberFormat(1059660.5, "#,##0.00", "en")).toBe("1,059,660.50");
  expect(formatByNumberFormat(0.18691, "0.00%", "sv")).toBe("18,69\u00a0%");
  expect(formatByNumberFormat(0.18691, "0.00%", "en")).toBe("18.69%");
  expect(formatByNumberFormat(12, undefined, "sv")).toBe("12");
});

test("escapeHtml leaves no markup", () => {
  expect(escapeHtml(`<img src=x onerror="a">&'`)).toBe(
    "&#60;img src=x onerror=&#34;a&#34;&#62;&#38;&#39;"
  );
});
