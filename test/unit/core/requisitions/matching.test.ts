/**
 * Matching requisitions to recipients: codes that lost their leading zero, names in other
 * case and with hyphens for spaces, never å/ä/ö folded, never two recipients for one
 * requisition, and a hint for the unknown.
 */
import {
  RecipientIndex,
  editDistance,
  looseName,
  normaliseCode,
  splitRecipient,
  strictName,
} from "../../../../src/core/jobs/requisitions/matching";
import { MUNICIPALITIES, municipalityList } from "./municipalities";

describe("normaliseCode", () => {
  test.each([
    ["0180", "0180"],
    ["180", "0180"],
    [180, "0180"],
    [" 0180 ", "0180"],
    [2584, "2584"],
    [1, "0001"],
    ["212000-0142", "212000-0142"],
    ["s-12", "S-12"],
  ])("%p -> %p", (value, code) => expect(normaliseCode(value)).toBe(code));

  test.each([[1.5], [-3], [true], [null], [""], ["  "]])("%p is no code", (value) =>
    expect(normaliseCode(value)).toBeNull()
  );
});

describe("names", () => {
  test("strict: case, extra spaces and line breaks ignored", () => {
    expect(strictName("  MALUNG-SÄLEN ")).toBe("malung-sälen");
    expect(strictName("Upplands\u00a0 Väsby")).toBe("upplands väsby");
    expect(strictName("Enskede-Årsta-\nVantör")).toBe("enskede-årsta-vantör");
  });

  test("loose: hyphens and dashes read as spaces; å, ä, ö kept", () => {
    expect(looseName("Malung-Sälen")).toBe("malung sälen");
    expect(looseName("Malung \u2013 Sälen")).toBe("malung sälen");
    expect(looseName("Upplands-Bro")).toBe(looseName("UPPLANDS BRO"));
    expect(looseName("Malung Salen")).not.toBe(looseName("Malung-Sälen"));
  });

  test("edit distance counts code points", () => {
    expect(editDistance("malung salen", "malung sälen")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("a😀b", "ab")).toBe(1);
  });

  test("a recipient cell may hold a code, a name, or both", () => {
    expect(splitRecipient(180)).toEqual({ code: "0180", name: "" });
    expect(splitRecipient("0180 Stockholm")).toEqual({ code: "0180", name: "Stockholm" });
    expect(splitRecipient("180 - Stockholm")).toEqual({ code: "0180", name: "Stockholm" });
    expect(splitRecipient("Stockholm (0180)")).toEqual({ code: "0180", name: "Stockholm" });
    expect(splitRecipient("Malung-Sälen")).toEqual({ code: null, name: "Malung-Sälen" });
  });
});

describe("RecipientIndex", () => {
  const index = new RecipientIndex([
    { name: "Stockholm", code: "0180" },
    { name: "Södertälje", code: "0181" },
    { name: "Malung-Sälen", code: "2023" },
    { name: "Malå", code: "2418" },
    { name: "Sala", code: "1907" },
    { name: "Salem", code: "0128" },
  ]);

  test.each([
    ["0180", 0],
    ["180", 0],
    [180, 0],
    ["STOCKHOLM", 0],
    ["  stockholm ", 0],
    ["0181 Södertälje", 1],
    ["Malung Sälen", 2],
    ["MALUNG-SÄLEN", 2],
    ["Malung \u2013 Sälen", 2],
  ])("%p matches recipient %p", (value, expected) =>
    expect(index.match(value)).toEqual({ kind: "matched", index: expected })
  );

  test("a code and a name that point at two recipients match neither", () => {
    expect(index.match("0180 Södertälje")).toEqual({
      kind: "ambiguous",
      text: "0180 Södertälje",
      candidates: [0, 1],
    });
  });

  test("unknown names get the closest name as a hint; å, ä, ö are not folded", () => {
    expect(index.match("Malung Salen")).toEqual({
      kind: "unknown",
      text: "Malung Salen",
      hints: ["Malung-Sälen"],
    });
    expect(index.match("Mala")).toEqual({ kind: "unknown", text: "Mala", hints: ["Malå", "Sala"] });
    expect(index.match("Göteborg")).toEqual({ kind: "unknown", text: "Göteborg", hints: [] });
    expect(index.match("0999")).toEqual({ kind: "unknown", text: "0999", hints: [] });
    expect(index.match(null)).toEqual({ kind: "empty" });
    expect(index.match("  ")).toEqual({ kind: "empty" });
  });

  test("names that differ only by a hyphen are two recipients: the loose form is ambiguous", () => {
    const twins = new RecipientIndex([
      { name: "Norra Ås", code: null },
      { name: "Norra-Ås", code: null },
    ]);
    expect(twins.match("norra ås")).toEqual({ kind: "matched", index: 0 });
    expect(twins.match("NORRA-ÅS")).toEqual({ kind: "matched", index: 1 });
    expect(twins.match("Norra \u2013 Ås")).toEqual({
      kind: "ambiguous",
      text: "Norra \u2013 Ås",
      candidates: [0, 1],
    });
  });
});

describe("290 municipalities", () => {
  const targets = municipalityList();
  const index = new RecipientIndex(targets);

  test("the list has 290 distinct codes and names", () => {
    expect(targets).toHaveLength(290);
    expect(new Set(targets.map((t) => t.code)).size).toBe(290);
    expect(new Set(targets.map((t) => strictName(t.name))).size).toBe(290);
  });

  test("codes without their leading zero, as text or number, find the right municipality", () => {
    targets.forEach((target, i) => {
      const number = Number(target.code);
      expect(index.match(number)).toEqual({ kind: "matched", index: i });
      expect(index.match(String(number))).toEqual({ kind: "matched", index: i });
      expect(index.match(target.code)).toEqual({ kind: "matched", index: i });
    });
  });

  test("upper-case names and hyphen/space swaps find the right municipality", () => {
    targets.forEach((target, i) => {
      const swapped = target.name.includes("-")
        ? target.name.replace(/-/g, " ")
        : target.name.replace(/ /g, "-");
      expect(index.match(target.name.toUpperCase())).toEqual({ kind: "matched", index: i });
      expect(index.match(swapped)).toEqual({ kind: "matched", index: i });
      expect(index.match(`${Number(target.code)} ${swapped.toUpperCase()}`)).toEqual({
        kind: "matched",
        index: i,
      });
    });
  });

  test("real names with å, ä, ö typed without them are unknown, with the real name as hint", () => {
    for (const [typed, hint] of [
      ["Malung Salen", "Malung-Sälen"],
      ["Orebro", "Örebro"],
      ["Upplands Vasby", "Upplands Väsby"],
      ["Lulea", "Luleå"],
    ]) {
      const match = index.match(typed);
      expect(match).toEqual({ kind: "unknown", text: typed, hints: [hint] });
    }
    expect(MUNICIPALITIES.length).toBeGreaterThan(30);
  });
});
