// A rule that reads one input and nothing else gives the same value for the same input value
// (the plan says which rules: `Item.readsOnly`). Submitted numbers are mostly shared Decimals
// (see `Decimal.of`), so a cohort's values of such a rule are worked out once per distinct
// value: a million units with a department score of one decimal from 0 to 90 are 901
// divisions, not a million. Both backends, the interpreter and compiled modules, keep one per
// rule for a run.

/** Distinct values kept; past this many, new values are worked out every time. */
const KEPT = 4096;
/** Values worked out after which a memo that has saved less than it cost is no longer consulted. */
const TRIAL = 4 * KEPT;

/** A rule's values by the value of the one input it reads. */
export class Memo<K, V> {
  private readonly values = new Map<K, V>();
  private made = 0;
  private found = 0;
  private on = true;

  /** The value kept for `key`, if any. */
  get(key: K): V | undefined {
    if (!this.on) return undefined;
    const v = this.values.get(key);
    if (v !== undefined) this.found++;
    return v;
  }

  /** `v` was worked out for `key`. */
  set(key: K, v: V): void {
    if (!this.on) return;
    if (this.values.size < KEPT) this.values.set(key, v);
    // Values that seldom repeat (each unit's own number): stop looking them up.
    if (++this.made >= TRIAL && this.found < this.made) {
      this.on = false;
      this.values.clear();
    }
  }
}
