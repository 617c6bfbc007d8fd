// Duplicate ids in a million rows, found without a hash table probed row by row (a random
// memory access or three per row, most of the time spent waiting for memory): each row's id is
// kept as a 52-bit hash in one typed array as rows come, the hashes sorted once all are in, and
// only the rows whose hash is seen twice compared by their ids. The sorted hashes also find the
// ids two tables share (a run in parts), by merging.

/**
 * An id as a 52-bit hash (two 32-bit FNV-1a hashes of its UTF-16 code units): a whole number
 * below 2^52, exact as a double.
 */
export function idHash(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x100000 + (b >>> 12);
}

/** A row whose id an earlier row has, and that row. */
export interface Repeat {
  row: number;
  first: number;
}

/** The hashes of a table's ids, row by row (NaN: a row without an id). */
export class IdHashes {
  private hashes: Float64Array;
  private count = 0;

  /** `expected`: how many rows are coming, when known. */
  constructor(expected = 0) {
    this.hashes = new Float64Array(Math.max(1024, expected)).fill(NaN);
  }

  /** Row `row`'s id ('': none; a row never given one has none either). */
  add(row: number, id: string): void {
    if (row >= this.hashes.length) {
      const bigger = new Float64Array(Math.max(2 * this.hashes.length, row + 1)).fill(NaN);
      bigger.set(this.hashes);
      this.hashes = bigger;
    }
    this.hashes[row] = id === '' ? NaN : idHash(id);
    if (row >= this.count) this.count = row + 1;
  }

  /** Every row's id hash, sorted (rows without an id left out). */
  sorted(): Float64Array {
    // (A typed array sorts NaN last.)
    const sorted = this.hashes.slice(0, this.count).sort();
    let n = sorted.length;
    while (n > 0 && sorted[n - 1] !== sorted[n - 1]) n--;
    return sorted.subarray(0, n);
  }

  /**
   * The rows whose id an earlier row has (`ids`: each row's id, as added), in row order; `sorted`
   * is what `sorted()` gave. Rows are compared by their ids only where their hashes are equal.
   */
  repeats(sorted: Float64Array, ids: readonly string[]): Repeat[] {
    const twice = new Set<number>();
    for (let k = 1; k < sorted.length; k++) if (sorted[k] === sorted[k - 1]) twice.add(sorted[k]);
    if (twice.size === 0) return [];
    const first = new Map<string, number>();
    const repeats: Repeat[] = [];
    for (let row = 0; row < this.count; row++) {
      if (!twice.has(this.hashes[row])) continue;
      const seen = first.get(ids[row]);
      if (seen === undefined) first.set(ids[row], row);
      else repeats.push({ row, first: seen });
    }
    return repeats;
  }
}
