/**
 * A search for the Alabama paradox of largest-remainder apportionment: a pot that grows by
 * one unit while some recipient's amount drops. Used once to find a small example, which
 * the apportion tests then pin with its hand-checked numbers.
 */
import { distributeUnits } from "../../../../src/core/apportion";

export interface AlabamaExample {
  weights: bigint[];
  total: bigint;
  before: bigint[];
  after: bigint[];
  /** Index of the recipient that loses a unit when the pot goes from total to total + 1. */
  loser: number;
}

const units = (total: bigint, weights: bigint[]): bigint[] =>
  distributeUnits(
    total,
    weights,
    weights.map((_, i) => `R${i}`)
  ).shares.map((s) => s.units);

/** Smallest example by (number of recipients, largest weight, total), searched in that order. */
export function findAlabamaParadox(
  maxRecipients = 3,
  maxWeight = 10,
  maxTotal = 30
): AlabamaExample | null {
  for (let n = 2; n <= maxRecipients; n++) {
    for (let top = 1; top <= maxWeight; top++) {
      for (const weights of nonIncreasing(n, top)) {
        for (let t = 0n; t < BigInt(maxTotal); t++) {
          const before = units(t, weights);
          const after = units(t + 1n, weights);
          const loser = after.findIndex((a, i) => a < before[i]);
          if (loser >= 0) return { weights, total: t, before, after, loser };
        }
      }
    }
  }
  return null;
}

/** Weight vectors of length n, first element `top`, non-increasing, all >= 1. */
function* nonIncreasing(n: number, top: number): Generator<bigint[]> {
  function* rest(length: number, max: number): Generator<number[]> {
    if (length === 0) {
      yield [];
      return;
    }
    for (let w = max; w >= 1; w--) for (const tail of rest(length - 1, w)) yield [w, ...tail];
  }
  for (const tail of rest(n - 1, top)) yield [top, ...tail].map(BigInt);
}
