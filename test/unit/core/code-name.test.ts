/**
 * One cell holding code and name (issue 19, item 5): the cell stands for its code, for cost
 * centres, projects and recipients alike.
 */
import fc from "fast-check";
import { cellCodeKey, codeKey, splitCodeName } from "../../../src/core/table/code-name";

describe("splitCodeName", () => {
  test.each([
    ["1234 Äldreomsorg Norr", "1234", "Äldreomsorg Norr"],
    ["P77 - Hälsosamtal", "P77", "Hälsosamtal"],
    ["P77 \u2013 Hälsosamtal", "P77", "Hälsosamtal"],
    ["1234 - Äldreomsorg", "1234", "Äldreomsorg"],
    ["1234-Äldreomsorg", "1234", "Äldreomsorg"],
    ["0180 Stockholm", "0180", "Stockholm"],
    ["0180Stockholm", "0180", "Stockholm"],
    ["180: Stockholms kommun", "180", "Stockholms kommun"],
    ["HS-26 Hälsosamtal", "HS-26", "Hälsosamtal"],
    ["A-B1 Namn", "A-B1", "Namn"],
    ["Stockholm (0180)", "0180", "Stockholm"],
    ["Hälsosamtal (P77)", "P77", "Hälsosamtal"],
    [" 1234\u00a0 Äldreomsorg\nNorr ", "1234", "Äldreomsorg Norr"],
  ])("%p is code %p, name %p", (text, code, name) => {
    expect(splitCodeName(text)).toEqual({ code, name });
  });

  // A code alone, a name alone, or a name with a number in it: one thing, not split.
  test.each([
    ["1234"],
    ["P77"],
    ["S-12"],
    ["Hs 26"],
    ["Malung-Sälen"],
    ["Område 3"],
    ["1234 5678"],
    [""],
  ])("%p is not split", (text) => expect(splitCodeName(text)).toBeNull());
});

describe("matching by code", () => {
  test("leading zeros and case as codeKey compares them", () => {
    expect(codeKey("0180")).toBe(codeKey("180"));
    expect(codeKey(" Hs 26 ")).toBe("hs 26");
    expect(cellCodeKey("01234 Äldreomsorg Norr")).toBe(codeKey("1234"));
    expect(cellCodeKey("p77 - Hälsosamtal")).toBe(codeKey("P77"));
    expect(cellCodeKey("Hs 26")).toBe(codeKey("HS 26"));
    expect(cellCodeKey("12345 Hemtjänst")).not.toBe(codeKey("1234"));
  });

  test("a code written with any name is that code", () => {
    const code = fc.stringMatching(/^[A-Z]{0,2}\d{1,6}$/);
    const name = fc.stringMatching(/^[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö ]{0,20}$/);
    const separator = fc.constantFrom(" ", " - ", " \u2013 ", ": ", "-");
    fc.assert(
      fc.property(code, name, separator, (c, n, sep) => {
        expect(cellCodeKey(`${c}${sep}${n}`)).toBe(codeKey(c));
        expect(cellCodeKey(`${n.trim() || "X"} (${c})`)).toBe(codeKey(c));
      })
    );
  });
});
