/** Sheet names Excel accepts, and a free name when ours would collide with a user's sheet. */
import fc from "fast-check";
import {
  freeSheetName,
  ownerMarkName,
  sanitiseSheetName,
} from "../../../src/core/sheets/ownership";

const FORBIDDEN = /[:\\/?*[\]]/;

describe("sanitiseSheetName", () => {
  test.each([
    ["Fördelning", "Fördelning"],
    ["Fördelning 2026/2027", "Fördelning 2026 2027"],
    ["a:b\\c/d?e*f[g]h", "a b c d e f g h"],
    ["'Fördelning'", "Fördelning"],
    ["''", "Statsbidrag"],
    ["", "Statsbidrag"],
    ["   ", "Statsbidrag"],
    ["[]", "Statsbidrag"],
    ["Äldreförvaltningen", "Äldreförvaltningen"],
  ])("%j -> %j", (name, expected) => {
    expect(sanitiseSheetName(name)).toBe(expected);
  });

  test("31 characters are kept, the 32nd is cut", () => {
    const thirtyOne = "Fördelning av statsbidrag 2026x";
    expect(thirtyOne).toHaveLength(31);
    expect(sanitiseSheetName(thirtyOne)).toBe(thirtyOne);
    expect(sanitiseSheetName(`${thirtyOne}y`)).toBe(thirtyOne);
  });

  test("any name comes out as one Excel accepts: 1 to 31 characters, no forbidden character, no apostrophe at the start", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (name) => {
        const clean = sanitiseSheetName(name);
        expect(clean.length).toBeGreaterThanOrEqual(1);
        expect(clean.length).toBeLessThanOrEqual(31);
        expect(FORBIDDEN.test(clean)).toBe(false);
        expect(clean.startsWith("'")).toBe(false);
      })
    );
  });
});

describe("freeSheetName", () => {
  test("the wanted name when it is free", () => {
    expect(freeSheetName("Fördelning", ["Blad1", "Blad2"])).toBe("Fördelning");
  });

  test("a user's sheet of the same name, in any case, gets ours a number instead", () => {
    expect(freeSheetName("Fördelning", ["Fördelning"])).toBe("Fördelning (2)");
    expect(freeSheetName("Fördelning", ["FÖRDELNING"])).toBe("Fördelning (2)");
    expect(freeSheetName("Allocation", ["allocation", "ALLOCATION (2)", "Allocation (3)"])).toBe(
      "Allocation (4)"
    );
  });

  test("a long name is shortened so the number still fits in 31 characters", () => {
    const long = "Fördelning av statsbidrag 2026x";
    const free = freeSheetName(long, [long]);
    expect(free).toBe("Fördelning av statsbidrag 2 (2)");
    expect(free).toHaveLength(31);
    const more = freeSheetName(long, [long, free, "Fördelning av statsbidrag 2 (3)"]);
    expect(more).toBe("Fördelning av statsbidrag 2 (4)");
    // From (10) on the suffix is one character longer, so the name is cut one character earlier.
    const tenth = freeSheetName(long, [
      long,
      ...Array.from({ length: 8 }, (_, i) => `Fördelning av statsbidrag 2 (${i + 2})`),
    ]);
    expect(tenth).toMatch(/^Fördelning av statsbidrag +\(10\)$/);
    expect(tenth.length).toBeLessThanOrEqual(31);
  });

  test("the wanted name is cleaned before it is compared", () => {
    expect(freeSheetName("Fördelning 2026/27", ["Fördelning 2026 27"])).toBe(
      "Fördelning 2026 27 (2)"
    );
  });

  test("the name found is never one of the existing names (case-insensitively) and always fits", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.array(fc.string({ maxLength: 35 }), { maxLength: 20 }),
        (wanted, others) => {
          const existing = [sanitiseSheetName(wanted), ...others];
          const free = freeSheetName(wanted, existing);
          expect(existing.map((n) => n.toLocaleLowerCase("sv"))).not.toContain(
            free.toLocaleLowerCase("sv")
          );
          expect(free.length).toBeLessThanOrEqual(31);
          expect(FORBIDDEN.test(free)).toBe(false);
        }
      )
    );
  });
});

test("the owner mark is a valid defined name per job", () => {
  expect(ownerMarkName("allocation")).toBe("Statsbidrag_allocation");
  expect(ownerMarkName("allocation")).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
});

describe("sheet names Excel would refuse are repaired", () => {
  test.each([
    ["'Fördelning' ", "Fördelning"],
    ["  'x'  ", "x"],
    ["History", "Statsbidrag"],
    ["history", "Statsbidrag"],
    ["'''", "Statsbidrag"],
  ])("%j -> %j", (input, expected) => {
    expect(sanitiseSheetName(input)).toBe(expected);
  });

  test("cutting to 31 characters never ends on an apostrophe or half an emoji", () => {
    expect(sanitiseSheetName(`${"a".repeat(30)}'b`)).toBe("a".repeat(30));
    const emoji = sanitiseSheetName(`${"a".repeat(30)}\u{1F4B0}`);
    expect(emoji).toBe("a".repeat(30));
  });

  test("a numbered free name has no double space when the cut ends on a space", () => {
    // 31 - " (2)".length = 27 characters are kept: 26 letters and a space.
    const base = `${"a".repeat(26)} bcd`;
    expect(freeSheetName(base, [base])).toBe(`${"a".repeat(26)} (2)`);
  });
});
