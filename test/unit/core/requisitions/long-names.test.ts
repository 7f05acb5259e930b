/**
 * Requisitions as municipalities and agencies write them (issue 19, items 8 and 12): long
 * forms of municipality names, a code column beside the name, code and name in one cell,
 * and timestamps with a time on the deadline day.
 */
import fc from "fast-check";
import type { CellValue } from "../../../../src/core/grid";
import { RecipientIndex, type MatchTarget } from "../../../../src/core/jobs/requisitions/matching";
import { runRequisitions } from "../../../../src/core/jobs/requisitions/requisitions";
import { THREE, maximaGrid, requisitionGrid } from "./grids";
import { municipalityList } from "./municipalities";

const targets: MatchTarget[] = [...municipalityList(), { code: "0980", name: "Gotland" }];
const index = new RecipientIndex(targets);
const nameOf = (value: CellValue) => {
  const match = index.match(value);
  return match.kind === "matched" ? targets[match.index].name : match.kind;
};

describe("long forms of municipality names", () => {
  test.each([
    ["Stockholms kommun", "Stockholm"],
    ["Stockholms stad", "Stockholm"],
    ["Göteborgs Stad", "Göteborg"],
    ["GÖTEBORGS STAD", "Göteborg"],
    ["Malmö stad", "Malmö"],
    ["Malmö kommun", "Malmö"],
    ["Lunds kommun", "Lund"],
    ["Borås Stad", "Borås"],
    ["Borås kommun", "Borås"],
    ["Region Gotland", "Gotland"],
    ["Gotlands kommun", "Gotland"],
    ["Malung-Sälens kommun", "Malung-Sälen"],
    ["Upplands Väsby kommun", "Upplands Väsby"],
    ["Håbo kommun", "Håbo"],
    ["Habo kommun", "Habo"],
    ["0180 Stockholms kommun", "Stockholm"],
    ["1480 - Göteborgs Stad", "Göteborg"],
  ])("%p is %p", (typed, name) => expect(nameOf(typed)).toBe(name));

  test("a region other than Gotland is not a municipality", () => {
    expect(nameOf("Region Skåne")).toBe("unknown");
    expect(nameOf("Region Stockholm")).toBe("unknown");
  });

  test("an unknown long form gets the closest name as a hint", () => {
    const match = index.match("Stokholms kommun");
    expect(match).toEqual({ kind: "unknown", text: "Stokholms kommun", hints: ["Stockholm"] });
  });

  test("never two recipients for one cell: a long form that fits two names matches neither", () => {
    const two = new RecipientIndex([
      { code: null, name: "Ås" },
      { code: null, name: "Åss" },
    ]);
    expect(two.match("Åss kommun")).toMatchObject({ kind: "ambiguous", candidates: [0, 1] });
  });

  test("maxima in the long form match requisitions in the short form, and the other way", () => {
    const long = new RecipientIndex([
      { code: null, name: "Stockholms stad" },
      { code: null, name: "Göteborgs Stad" },
      { code: null, name: "Region Gotland" },
    ]);
    expect(long.match("Stockholm")).toEqual({ kind: "matched", index: 0 });
    expect(long.match("Göteborgs kommun")).toEqual({ kind: "matched", index: 1 });
    expect(long.match("Gotland")).toEqual({ kind: "matched", index: 2 });
  });

  test("a name that is itself code and name still matches as written", () => {
    const coded = new RecipientIndex([{ code: null, name: "P77 Hälsosamtal" }]);
    expect(coded.match("P77 Hälsosamtal")).toEqual({ kind: "matched", index: 0 });
    expect(coded.match("P77")).toEqual({ kind: "matched", index: 0 });
  });
});

describe("the requisitions job", () => {
  const run = (rows: CellValue[][], header?: CellValue[], deadline = "2026-03-16") =>
    runRequisitions(maximaGrid(THREE), requisitionGrid(rows, header), { deadline });

  test("long names are matched, not unknown", () => {
    const result = run([
      ["Stockholms kommun", 300_000, "2026-03-01"],
      ["Göteborgs Stad", 200_000, "2026-03-01"],
      ["Malung-Sälens kommun", 100_000, "2026-03-01"],
    ]);
    expect(result.requisitions.map((r) => r.status)).toEqual(["ok", "ok", "ok"]);
    expect(result.approved.toFixed()).toBe("600000");
  });

  test("a code column beside the name is used: the code decides", () => {
    const result = run(
      [
        ["Stockholms stadsdelsförvaltningar", "0180", 300_000, "2026-03-01"],
        ["Gbg", 1480, 200_000, "2026-03-01"],
      ],
      ["Kommun", "Kommunkod", "Rekvirerat belopp", "Inkom"]
    );
    expect(result.requisitions.map((r) => [r.status, r.recipient])).toEqual([
      ["ok", 0],
      ["ok", 2],
    ]);
  });

  test("a code and a name that point at two recipients match neither", () => {
    const result = run(
      [["Göteborg", "0180", 300_000, "2026-03-01"]],
      ["Kommun", "Kommunkod", "Rekvirerat belopp", "Inkom"]
    );
    expect(result.requisitions[0].status).toBe("unknown");
    expect(result.requisitions[0].note.code).toBe("REQUISITION_AMBIGUOUS");
  });

  test("a code column in the requisitions matches maxima whose names carry the code", () => {
    const result = runRequisitions(
      maximaGrid(
        [
          ["0180 Stockholm", 300_000],
          ["1480 Göteborg", 200_000],
        ],
        ["Kommun", "Maxbelopp"]
      ),
      requisitionGrid([[180, 250_000]], ["Kommunkod", "Rekvirerat belopp"]),
      {}
    );
    expect(result.requisitions.map((r) => [r.status, r.recipient])).toEqual([["ok", 0]]);
  });

  test("timestamps on the deadline day are in time; late evening UTC is the next Swedish day", () => {
    const result = run([
      ["Stockholm", 300_000, "2026-03-16T14:32:00+01:00"],
      ["Göteborg", 200_000, "16 mars 2026 14:32"],
      ["Malung-Sälen", 100_000, "2026-03-16T23:30:00Z"],
    ]);
    expect(result.requisitions.map((r) => [r.status, r.lateReason, r.received])).toEqual([
      ["ok", undefined, "2026-03-16"],
      ["ok", undefined, "2026-03-16"],
      ["late", "after", "2026-03-17"],
    ]);
  });

  test("an Excel date-time (a serial with a fraction) on the deadline day is in time", () => {
    const result = run([
      ["Stockholm", 300_000, 46097.6056],
      ["Göteborg", 200_000, "2026-03-16 14:32"],
    ]);
    expect(result.requisitions.map((r) => r.status)).toEqual(["ok", "ok"]);
  });
});

describe("properties", () => {
  const word = fc.stringMatching(/^[A-ZÅÄÖ][a-zåäö]{0,6}s?$/);
  const names = fc.uniqueArray(word, {
    minLength: 1,
    maxLength: 12,
    selector: (n) => n.toLowerCase(),
  });
  const longForm = (name: string, form: number) =>
    [
      `${name} kommun`,
      `${name}s kommun`,
      `${name} stad`,
      `${name}s Stad`,
      `${name.toUpperCase()} KOMMUN`,
    ][form];

  test("a long form is its municipality's, or ambiguous between it and another: never another's alone", () => {
    fc.assert(
      fc.property(names, fc.nat(), fc.integer({ min: 0, max: 4 }), (list, pick, form) => {
        const recipients = list.map((name) => ({ code: null, name }));
        const wanted = pick % list.length;
        const match = new RecipientIndex(recipients).match(longForm(list[wanted], form));
        if (match.kind === "matched") expect(match.index).toBe(wanted);
        else {
          expect(match.kind).toBe("ambiguous");
          if (match.kind === "ambiguous") expect(match.candidates).toContain(wanted);
        }
      })
    );
  });

  test("the order of the maxima never changes whom a requisition matches", () => {
    fc.assert(
      fc.property(
        names,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 4 })), { maxLength: 8 }),
        fc.nat(),
        (list, typed, seed) => {
          const shuffled = [...list].sort(
            (a, b) => ((a.charCodeAt(0) * 31 + seed) % 97) - ((b.charCodeAt(0) * 31 + seed) % 97)
          );
          const one = new RecipientIndex(list.map((name) => ({ code: null, name })));
          const other = new RecipientIndex(shuffled.map((name) => ({ code: null, name })));
          const named = (i: RecipientIndex, order: string[], text: string) => {
            const match = i.match(text);
            if (match.kind === "matched") return order[match.index];
            if (match.kind === "ambiguous") return match.candidates.map((c) => order[c]).sort();
            return match.kind;
          };
          for (const [pick, form] of typed) {
            const text = longForm(list[pick % list.length], form);
            expect(named(other, shuffled, text)).toEqual(named(one, list, text));
          }
        }
      )
    );
  });
});
