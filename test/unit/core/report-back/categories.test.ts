/**
 * Accounts to categories from the Kommun-Bas groups, the editable "Kontoindelning" sheet
 * (written, edited by a user, read back, errors naming cells) and the word list.
 */
import {
  DEFAULT_WORDS,
  accountsSheet,
  classifyAccount,
  defaultMapping,
  disallowedWord,
  readMapping,
} from "../../../../src/core/jobs/report-back/categories";
import { modelGrid } from "./helpers";

const category = (account: string) => classifyAccount(defaultMapping(), account)?.category ?? null;

test.each([
  ["5011", "personnel"],
  ["5611", "personnel"],
  ["5710", "personnel"],
  ["6010", "premises"],
  ["6110", "premises"],
  ["6210", "premises"],
  ["4610", "services"],
  ["7490", "services"],
  ["7510", "services"],
  ["4010", "other"],
  ["6310", "other"],
  ["6510", "other"],
  ["7010", "other"],
  ["7910", "other"],
  ["3010", "income"],
  ["8410", "none"],
  ["1930", "none"],
  ["0100", null],
])("Kommun-Bas default: %s is %s", (account, expected) => {
  expect(category(account)).toBe(expected);
});

test("the default sheet reads back as the same mapping and words", () => {
  for (const lang of ["sv", "en"] as const) {
    const model = accountsSheet(defaultMapping(lang), DEFAULT_WORDS, lang);
    const reading = readMapping(modelGrid(model));
    expect(reading.problems).toEqual([]);
    expect(reading.words).toEqual([...DEFAULT_WORDS]);
    const strip = (rules: { from: string; to: string; category: string }[]) =>
      rules.map(({ from, to, category }) => ({ from, to, category }));
    expect(strip(reading.mapping.rules)).toEqual(strip(defaultMapping(lang).rules));
  }
});

test("a user's edits are honoured: a new specific account, a changed group, a new word", () => {
  const model = accountsSheet(defaultMapping(), DEFAULT_WORDS, "sv");
  const grid = modelGrid(model);
  const at = (text: string | number) => grid.values.findIndex((row) => row[0] === text);
  grid.values[at("74–75")][1] = "Övrigt"; // consultants counted as other here
  grid.values.splice(at(5) + 1, 0, [5810, "Övrigt", "Utbildning personal"]);
  grid.values.push(["Kaffe"]);
  const { mapping, words, problems } = readMapping(grid);
  expect(problems).toEqual([]);
  expect(classifyAccount(mapping, "7490")?.category).toBe("other");
  expect(classifyAccount(mapping, "58101")?.category).toBe("other");
  expect(classifyAccount(mapping, "5011")?.category).toBe("personnel");
  expect(words).toContain("kaffe");
});

test("errors in the mapping name their cells", () => {
  const grid = modelGrid(accountsSheet(defaultMapping(), DEFAULT_WORDS, "sv"), "Kontoindelning");
  const at = (text: string | number) => grid.values.findIndex((row) => row[0] === text);
  grid.values[at(46)][1] = "Lönex";
  grid.values[at("60–62")][0] = "62–60";
  grid.values.splice(at(5), 0, ["5–6", "Personal"]);
  const { problems } = readMapping(grid);
  expect(problems.map((p) => [p.code, p.cell])).toEqual([
    ["MAPPING_BAD_CATEGORY", `Kontoindelning!B${at(46) + 1}`],
    ["MAPPING_BAD_ACCOUNT", `Kontoindelning!A${at("62–60") + 1}`],
    ["MAPPING_OVERLAP", `Kontoindelning!A${at(5) + 1}`],
  ]);
});

test("a sheet without the header is refused naming its range", () => {
  const { problems } = readMapping({ sheet: "K", top: 0, left: 0, values: [["x", "y"]] });
  expect(problems.map((p) => p.code)).toEqual(["MAPPING_HEADER_MISSING"]);
  expect(problems[0].params?.range).toBe("K!A1:B1");
});

test.each([
  ["Sommaraktiviteter för äldre", "aktivitet"],
  ["AKTIVITETEN i parken", "aktivitet"],
  ["Gruppaktivitet", "aktivitet"],
  ["Utflykt till Skansen", "utflykt"],
  ["Månadslön samtalsledare", null],
  ["", null],
])("word list: %p -> %p", (text, word) => {
  expect(disallowedWord(text, DEFAULT_WORDS)).toBe(word);
});
