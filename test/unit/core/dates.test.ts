import { localIsoDate } from "../../../src/core/dates";

// Built from local clock fields, so after midnight in Stockholm it is already the new day,
// where toISOString() would still give UTC's yesterday.
test("the calendar day of the local clock, zero-padded", () => {
  expect(localIsoDate(new Date(2026, 0, 5, 0, 30))).toBe("2026-01-05");
  expect(localIsoDate(new Date(2026, 11, 31, 23, 59))).toBe("2026-12-31");
});
