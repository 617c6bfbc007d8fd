// The records of a file mostly have the same keys in the same order. What is worked out for a
// record's keys (is it declared? is it a label to rename?) is then worked out for the first
// record only: a key the last record had at the same place is passed over.

export class SameKeys {
  /** The last record's own keys, in order. */
  private last: string[] = [];

  /**
   * Calls `check` with each own key of `r` that the last record did not have at the same place,
   * in order (for…in builds no list of keys; inherited keys are not the record's). `check`
   * returning false stops there: the record is then not remembered. Whether it ran to the end.
   */
  each(r: object, check: (key: string) => boolean): boolean {
    const last = this.last;
    let at = 0;
    let keys: string[] | undefined;
    for (const k in r) {
      if (!keys && last[at] === k) {
        at++;
        continue;
      }
      // The keys part from the last record's here: the rest are checked, and all remembered.
      keys ??= last.slice(0, at);
      if (!Object.prototype.hasOwnProperty.call(r, k)) continue;
      if (!check(k)) return false;
      keys.push(k);
    }
    if (keys) this.last = keys;
    return true;
  }
}
