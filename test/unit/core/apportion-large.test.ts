/**
 * No size limit but memory: 5 000 000 recipients through the Node API, and the layers
 * that once overflowed the stack (a spread of every key into Math.max) past ~125 000 keys.
 * Plain tests: they check results, never time.
 */
import statsbidrag = require("../../../src/index");
import { apportion as apportionDecimal } from "../../../src/core/apportion";
import { capsOf, cappedUnits } from "../../../src/core/apportion/capped";
import { integerWeights } from "../../../src/core/apportion/largest-remainder";
import { Decimal } from "../../../src/core/money";

const MINUTE = 60_000;

test(
  "5 000 000 recipients: every krona placed, each amount the floor or ceiling of its quota",
  () => {
    const n = 5_000_000;
    const keys = new Array<number>(n);
    for (let i = 0; i < n; i++) keys[i] = ((i * 7919) % 60_000) + 1;
    const total = 1_000_000_007;
    const { amounts, unallocated } = statsbidrag.apportion(total, keys);
    expect(amounts).toHaveLength(n);
    expect(unallocated).toBe("0");
    let keySum = 0;
    for (let i = 0; i < n; i++) keySum += keys[i];
    let placed = 0;
    let offQuota = 0;
    for (let i = 0; i < n; i++) {
      const amount = Number(amounts[i]);
      placed += amount;
      if (i % 9973 === 0) {
        // quota = total × key / keySum; amount within one unit (exact check in BigInt).
        const scaled = BigInt(amount) * BigInt(keySum);
        const exact = BigInt(total) * BigInt(keys[i]);
        if (scaled > exact + BigInt(keySum) || scaled < exact - BigInt(keySum)) offQuota++;
      }
    }
    expect(offQuota).toBe(0);
    expect(placed).toBe(total);
  },
  2 * MINUTE
);

test(
  "5 000 000 recipients with caps: nobody above the cap, min(total, caps) placed",
  () => {
    const n = 5_000_000;
    const keys = new Array<number>(n);
    const caps = new Array<number>(n);
    let capSum = 0;
    for (let i = 0; i < n; i++) {
      keys[i] = ((i * 7919) % 60_000) + 1;
      caps[i] = (i * 31) % 400;
      capSum += caps[i];
    }
    const total = 700_000_000;
    const result = statsbidrag.apportionCapped(total, keys, caps);
    let placed = 0;
    let aboveCap = 0;
    for (let i = 0; i < n; i++) {
      const amount = Number(result.amounts[i]);
      if (amount > caps[i]) aboveCap++;
      placed += amount;
    }
    expect(aboveCap).toBe(0);
    expect(placed).toBe(Math.min(total, capSum));
    expect(Number(result.leftOver)).toBe(total - placed);
    expect(result.rounds).toBeGreaterThan(1);
  },
  2 * MINUTE
);

test(
  "1 000 000 recipients through the sorted continuation of the capped rounds",
  () => {
    const n = 1_000_000;
    const weights = Array.from({ length: n }, (_, i) => BigInt(((i * 7919) % 60_000) + 1));
    const caps = Array.from({ length: n }, (_, i) => BigInt((i * 31) % 400));
    const w = integerWeights(weights);
    const c = capsOf(caps);
    const plain = cappedUnits(150_000_000n, w, c, undefined, Infinity);
    const sorted = cappedUnits(150_000_000n, w, c, undefined, 0);
    expect(sorted.rounds).toBe(plain.rounds);
    expect(sorted.leftOver).toBe(plain.leftOver);
    expect(sorted.path).toBe("safe");
    let differing = 0;
    for (let i = 0; i < n; i++) if (sorted.units[i] !== plain.units[i]) differing++;
    expect(differing).toBe(0);
  },
  2 * MINUTE
);

test(
  "the Decimal layer (the allocation job's) past 125 000 keys with decimals, ranks included",
  () => {
    const n = 150_000;
    const keys = Array.from({ length: n }, (_, i) => new Decimal(((i * 7919) % 60_000) + 1).div(8));
    const names = keys.map((_, i) => `R${i}`);
    const result = apportionDecimal(new Decimal("90000000.37"), new Decimal("0.01"), keys, names);
    const placed = result.shares.reduce((acc, s) => acc.plus(s.amount), new Decimal(0));
    expect(placed.plus(result.unallocated).equals("90000000.37")).toBe(true);
    const ranks = result.shares.filter((s) => s.rank !== null).map((s) => s.rank as number);
    expect(ranks.length).toBe(result.withRemainder);
    expect(new Set(ranks).size).toBe(ranks.length);
    expect(
      result.shares.filter((s) => s.extra).every((s) => (s.rank as number) <= result.leftover)
    ).toBe(true);
  },
  2 * MINUTE
);
