/**
 * Selection without sorting everything: the k-th smallest value of an array (iterative
 * quickselect with three-way partitioning, so long runs of equal values cost one pass),
 * and "the first `count` rows under an order" on an index array. Both fall back to a
 * sort of the part still unsettled when the pivots keep going wrong (introselect), so the
 * worst case is O(n log n) and the usual case O(n). No recursion, no spread: any length
 * that fits in memory works.
 */

/** Unicode code point order (JavaScript's `<` compares UTF-16 code units, which differs above U+FFFF). */
export function compareCodePoints(x: string, y: string): number {
  const length = x.length < y.length ? x.length : y.length;
  for (let i = 0; i < length; i++) {
    const a = x.charCodeAt(i);
    const b = y.charCodeAt(i);
    if (a !== b) return codePointRank(a) - codePointRank(b);
  }
  return x.length - y.length;
}

/**
 * Surrogates (U+D800..U+DFFF, the halves of code points above U+FFFF) moved above
 * U+E000..U+FFFF: comparing the mapped code units then gives code point order.
 */
function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

/** Passes of partitioning allowed before the rest is sorted instead. */
function partitionBudget(length: number): number {
  return 2 * Math.ceil(Math.log2(length + 1)) + 16;
}

/**
 * The k-th smallest (0-based) of values[0..length). Reorders that part of `values`.
 * `budget`: partitioning passes before sorting the rest (a parameter for the tests).
 */
export function kthSmallest(
  values: Float64Array,
  length: number,
  k: number,
  budget = partitionBudget(length)
): number {
  let lo = 0;
  let hi = length - 1;
  while (hi > lo) {
    if (budget-- === 0) {
      values.subarray(lo, hi + 1).sort();
      return values[k];
    }
    const pivot = medianOfThree(values[lo], values[lo + ((hi - lo) >> 1)], values[hi]);
    // [lo, lt) < pivot, [lt, i) = pivot, (gt, hi] > pivot
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i <= gt) {
      const v = values[i];
      if (v < pivot) {
        values[i++] = values[lt];
        values[lt++] = v;
      } else if (v > pivot) {
        values[i] = values[gt];
        values[gt--] = v;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return values[k];
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}

/** Below this many values a counting pass costs more than it saves. */
const BUCKETED_FROM = 4096;

/**
 * `kthSmallest` for values known to lie in [0, bound), such as remainders below their
 * denominator: one counting pass over buckets of that range finds the bucket holding the
 * k-th value, and quickselect runs on that bucket alone (a handful of values on spread-out
 * data; a run of equal values is settled by one three-way partition). floor(v × buckets /
 * bound) never decreases as v grows, so the buckets keep the values' order.
 * Overwrites values[0..length).
 */
export function kthSmallestBounded(
  values: Float64Array,
  length: number,
  k: number,
  bound: number
): number {
  if (length < BUCKETED_FROM) return kthSmallest(values, length, k);
  const buckets = Math.min(65536, 2 ** Math.floor(Math.log2(length / 8)));
  const scale = buckets / bound;
  const last = buckets - 1;
  const counts = new Uint32Array(buckets);
  for (let i = 0; i < length; i++) {
    const b = Math.floor(values[i] * scale);
    counts[b > last ? last : b]++;
  }
  let bucket = 0;
  let below = 0;
  while (below + counts[bucket] <= k) below += counts[bucket++];
  let inBucket = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    const b = Math.floor(v * scale);
    if ((b > last ? last : b) === bucket) values[inBucket++] = v;
  }
  return kthSmallest(values, inBucket, k - below);
}

/** As `kthSmallest`, for BigInt values. */
export function kthSmallestBig(
  values: bigint[],
  length: number,
  k: number,
  budget = partitionBudget(length)
): bigint {
  let lo = 0;
  let hi = length - 1;
  while (hi > lo) {
    if (budget-- === 0) {
      const part = values.slice(lo, hi + 1).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
      for (let j = 0; j < part.length; j++) values[lo + j] = part[j];
      return values[k];
    }
    const pivot = medianOfThreeBig(values[lo], values[lo + ((hi - lo) >> 1)], values[hi]);
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i <= gt) {
      const v = values[i];
      if (v < pivot) {
        values[i++] = values[lt];
        values[lt++] = v;
      } else if (v > pivot) {
        values[i] = values[gt];
        values[gt--] = v;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return values[k];
}

function medianOfThreeBig(a: bigint, b: bigint, c: bigint): bigint {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}

/**
 * Reorders rows[0..length) so that rows[0..count) are the `count` first rows under
 * `order` (negative: a comes first), in no particular order among themselves.
 * `order` must be a strict total order on the rows (no two rows equal).
 */
export function selectFirst(
  rows: Uint32Array,
  length: number,
  count: number,
  order: (a: number, b: number) => number,
  budget = partitionBudget(length)
): void {
  if (count <= 0 || count >= length) return;
  const k = count - 1;
  let lo = 0;
  let hi = length - 1;
  while (hi > lo) {
    if (budget-- === 0) {
      rows.subarray(lo, hi + 1).sort(order);
      return;
    }
    const a = rows[lo];
    const b = rows[lo + ((hi - lo) >> 1)];
    const c = rows[hi];
    const pivot =
      order(a, b) < 0
        ? order(b, c) < 0
          ? b
          : order(a, c) < 0
            ? c
            : a
        : order(a, c) < 0
          ? a
          : order(b, c) < 0
            ? c
            : b;
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i <= gt) {
      const v = rows[i];
      const side = order(v, pivot);
      if (side < 0) {
        rows[i++] = rows[lt];
        rows[lt++] = v;
      } else if (side > 0) {
        rows[i] = rows[gt];
        rows[gt--] = v;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return;
  }
}
