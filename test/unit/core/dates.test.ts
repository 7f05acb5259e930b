import fc from "fast-check";
import {
  formatDate,
  isoFromSerial,
  localIsoDate,
  parseDateCell,
  serialFromIso,
  stockholmDay,
  stockholmOffsetMinutes,
} from "../../../src/core/dates";

// Built from local clock fields, so after midnight in Stockholm it is already the new day,
// where toISOString() would still give UTC's yesterday.
test("the calendar day of the local clock, zero-padded", () => {
  expect(localIsoDate(new Date(2026, 0, 5, 0, 30))).toBe("2026-01-05");
  expect(localIsoDate(new Date(2026, 11, 31, 23, 59))).toBe("2026-12-31");
});

describe("accounting periods (issue 19, item 4)", () => {
  // Unit4/Agresso-style systems book the year's closing entries in period 13 (some also 14).
  test.each([
    [202613, 2026, 13],
    [202614, 2026, 14],
    ["202613", 2026, 13],
    ["2026-13", 2026, 13],
    [202603, 2026, 3],
  ])("%p is period %p-%p, not an Excel date", (cell, year, month) => {
    expect(parseDateCell(cell)).toEqual({ kind: "period", year, month });
  });

  // 202615 as an Excel serial is a day in the year 2454: a six-digit number is never a serial.
  test.each([[202615], [202600], ["202615"], [123456], [202613.5]])(
    "%p is no date at all",
    (cell) => {
      expect(parseDateCell(cell).kind).toBe("invalid");
    }
  );

  test("an ordinary serial is still a date", () => {
    expect(parseDateCell(46097)).toEqual({ kind: "date", date: "2026-03-16" });
    expect(parseDateCell(99999)).toEqual({ kind: "date", date: isoFromSerial(99999) });
  });
});

describe("date-times: the Swedish calendar day (issue 19, item 8)", () => {
  test.each([
    ["2026-03-16T14:32:00+01:00", "2026-03-16"],
    ["2026-03-16T14:32:00.250+0100", "2026-03-16"],
    ["2026-03-16 14:32", "2026-03-16"],
    ["2026-03-16 14.32", "2026-03-16"],
    ["2026-03-16T14:32", "2026-03-16"],
    ["16 mars 2026 14:32", "2026-03-16"],
    ["16 mars 2026 kl. 14.32", "2026-03-16"],
    ["16 mars 2026, 14:32:05", "2026-03-16"],
    ["16/3 2026 14:32", "2026-03-16"],
    ["16.3.2026 kl 09:05", "2026-03-16"],
    [46097.6056, "2026-03-16"],
    ["46097,6056", "2026-03-16"],
    // Late evening UTC is the next day in Sweden (CET, UTC+1)...
    ["2026-03-16T23:30:00Z", "2026-03-17"],
    ["2026-03-16T22:59:59Z", "2026-03-16"],
    ["2026-03-16T23:00:00Z", "2026-03-17"],
    // ...and an offset far from Sweden's moves the day the other way.
    ["2026-03-17T01:00:00+05:00", "2026-03-16"],
    ["2026-03-16T20:00:00-05:00", "2026-03-17"],
  ])("%p was received on %p", (cell, date) => {
    expect(parseDateCell(cell)).toEqual({ kind: "date", date });
  });

  test.each([
    ["2026-03-16 25:00"],
    ["2026-03-16 14:60"],
    ["2026-03-16T14:32:00+15:00"],
    ["16 mars 2026 14"],
    ["2026-03-16T"],
  ])("%p is not a date-time", (cell) => {
    expect(parseDateCell(cell).kind).toBe("invalid");
  });
});

describe("Europe/Stockholm, computed in core (DST: last Sunday of March and October, 01:00 UTC)", () => {
  const utc = (text: string) => Date.parse(text);
  test.each([
    // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
    ["2026-03-29T00:59:59Z", 60],
    ["2026-03-29T01:00:00Z", 120],
    ["2026-10-25T00:59:59Z", 120],
    ["2026-10-25T01:00:00Z", 60],
    ["2026-07-01T12:00:00Z", 120],
    ["2026-01-15T12:00:00Z", 60],
    // 2025: 30 March and 26 October.
    ["2025-03-30T00:59:59Z", 60],
    ["2025-03-30T01:00:00Z", 120],
    ["2025-10-26T00:59:59Z", 120],
    ["2025-10-26T01:00:00Z", 60],
    // 2024: 31 March (the last day of the month is itself a Sunday) and 27 October.
    ["2024-03-31T01:00:00Z", 120],
    ["2024-03-30T12:00:00Z", 60],
    ["2024-10-27T01:00:00Z", 60],
  ])("at %p Sweden is UTC + %p minutes", (instant, minutes) => {
    expect(stockholmOffsetMinutes(utc(instant))).toBe(minutes);
  });

  test("the calendar day around the switch", () => {
    // 22:30 UTC on 28 March 2026 is 23:30 CET: still the 28th.
    expect(stockholmDay(utc("2026-03-28T22:30:00Z"))).toBe("2026-03-28");
    // 22:30 UTC on 29 March 2026 is 00:30 CEST: already the 30th.
    expect(stockholmDay(utc("2026-03-29T22:30:00Z"))).toBe("2026-03-30");
    expect(stockholmDay(utc("2026-03-29T21:59:00Z"))).toBe("2026-03-29");
    // In summer midnight is at 22:00 UTC.
    expect(stockholmDay(utc("2026-06-30T22:00:00Z"))).toBe("2026-07-01");
    expect(stockholmDay(utc("2026-06-30T21:59:59Z"))).toBe("2026-06-30");
    // 25 October 2026: 22:30 UTC is 23:30 CET again.
    expect(stockholmDay(utc("2026-10-25T22:30:00Z"))).toBe("2026-10-25");
    expect(parseDateCell("2026-06-30T23:30:00+01:00")).toEqual({
      kind: "date",
      date: "2026-07-01",
    });
  });

  test("agrees with the platform's own time-zone data where it has it", () => {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat("sv-SE", {
        timeZone: "Europe/Stockholm",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
    } catch {
      return; // no ICU time-zone data: the rule above stands alone
    }
    const start = Date.UTC(2019, 0, 1);
    for (let t = start; t < Date.UTC(2031, 0, 1); t += 3_600_000 * 7 + 60_000 * 13)
      expect(stockholmDay(t)).toBe(format.format(new Date(t)));
  });
});

describe("fuzzing the date parser", () => {
  const fragment = fc.constantFrom(
    "2026",
    "-",
    "03",
    "16",
    "13",
    "T",
    "t",
    " ",
    ":",
    ".",
    ",",
    "/",
    "14",
    "32",
    "00",
    "Z",
    "+01:00",
    "-05",
    "kl.",
    "mars",
    "okt",
    "46097",
    "202613",
    "e",
    ":e",
    "99",
    "0"
  );
  const cellValue: fc.Arbitrary<string | number | boolean | null> = fc.oneof(
    fc.string(),
    fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join("")),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null)
  );

  test("never throws, and gives a real day or period whenever it reads one", () => {
    fc.assert(
      fc.property(cellValue, (value) => {
        const parsed = parseDateCell(value);
        if (parsed.kind === "date") {
          expect(parsed.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(serialFromIso(parsed.date)).toBeGreaterThanOrEqual(61);
          expect(isoFromSerial(serialFromIso(parsed.date))).toBe(parsed.date);
        }
        if (parsed.kind === "period") {
          expect(parsed.month).toBeGreaterThanOrEqual(1);
          expect(parsed.month).toBeLessThanOrEqual(14);
        }
      }),
      { numRuns: 3000 }
    );
  });

  const day = fc
    .date({
      min: new Date(Date.UTC(1900, 2, 1)),
      max: new Date(Date.UTC(9999, 11, 31)),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  test("a parsed date round-trips through every way it is written", () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (iso, h, min) => {
          const [y, m, d] = iso.split("-").map(Number);
          const time = `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
          for (const written of [
            iso,
            formatDate(iso, "sv"),
            formatDate(iso, "en"),
            `${d}/${m} ${y}`,
            `${d}.${m}.${y}`,
            `${iso} ${time}`,
            `${iso}T${time}:00`,
            `${formatDate(iso, "sv")} kl. ${time}`,
          ])
            expect(parseDateCell(written)).toEqual({ kind: "date", date: iso });
          // Six-digit serials (from the year 2173) are periods, never serials.
          if (serialFromIso(iso) < 100_000) {
            expect(parseDateCell(serialFromIso(iso))).toEqual({ kind: "date", date: iso });
            expect(parseDateCell(serialFromIso(iso) + (h * 60 + min) / 1440)).toEqual({
              kind: "date",
              date: iso,
            });
          }
        }
      ),
      { numRuns: 1000 }
    );
  });

  test("an instant written with Sweden's own offset stays on its Swedish day", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 2), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const instant = Math.floor(ms / 60_000) * 60_000;
        const offset = stockholmOffsetMinutes(instant);
        const local = new Date(instant + offset * 60_000).toISOString().slice(0, 16);
        const sign = `+0${offset / 60}:00`;
        expect(parseDateCell(`${local}:00${sign}`)).toEqual({
          kind: "date",
          date: local.slice(0, 10),
        });
        expect(parseDateCell(new Date(instant).toISOString())).toEqual({
          kind: "date",
          date: stockholmDay(instant),
        });
      }),
      { numRuns: 1000 }
    );
  });
});
