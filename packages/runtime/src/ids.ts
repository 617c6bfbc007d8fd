// Where each id was first seen, for duplicate ids in a million rows: an open-addressing hash
// table in typed arrays (no object per id, nothing for the garbage collector), several times
// faster than a Map of strings at that size.

/** FNV-1a over the UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

export class FirstSeen {
  private rows: Int32Array;
  private hashes: Int32Array;
  private keys: string[];
  private count = 0;

  /** `expected`: how many ids are coming, when known (the table is made large enough at once). */
  constructor(expected = 0) {
    let size = 1024;
    while (size < 2 * expected) size *= 2;
    this.rows = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(size);
    this.keys = new Array(size);
  }

  /** The row where `id` was first seen; when it was not seen before, `row` (and it is recorded). */
  firstOr(id: string, row: number): number {
    const h = hash(id);
    const mask = this.rows.length - 1;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const r = this.rows[at];
      if (r < 0) {
        this.rows[at] = row;
        this.hashes[at] = h;
        this.keys[at] = id;
        if (++this.count * 2 > this.rows.length) this.grow();
        return row;
      }
      if (this.hashes[at] === h && this.keys[at] === id) return r;
    }
  }

  private grow(): void {
    const { rows, hashes, keys } = this;
    const size = rows.length * 2;
    this.rows = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(size);
    this.keys = new Array(size);
    const mask = size - 1;
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] < 0) continue;
      let at = hashes[i] & mask;
      while (this.rows[at] >= 0) at = (at + 1) & mask;
      this.rows[at] = rows[i];
      this.hashes[at] = hashes[i];
      this.keys[at] = keys[i];
    }
  }
}
