// Static ranges: closed intervals of exact decimals, `null` meaning unbounded.
// Used by the checker to know the possible scores of every item, section and the total.
import { Decimal } from './decimal.js';

type Bound = Decimal | null;

export class Interval {
  static readonly ANY = new Interval(null, null);
  constructor(
    readonly lo: Bound,
    readonly hi: Bound,
  ) {}

  add(o: Interval): Interval {
    return new Interval(this.lo && o.lo ? this.lo.add(o.lo) : null, this.hi && o.hi ? this.hi.add(o.hi) : null);
  }
  sub(o: Interval): Interval {
    return this.add(o.neg());
  }
  neg(): Interval {
    return new Interval(this.hi ? this.hi.neg() : null, this.lo ? this.lo.neg() : null);
  }
  mul(o: Interval): Interval {
    if (this.lo && this.hi && o.lo && o.hi) {
      const ps = [this.lo.mul(o.lo), this.lo.mul(o.hi), this.hi.mul(o.lo), this.hi.mul(o.hi)];
      return new Interval(ps.reduce((a, b) => Decimal.min(a, b)), ps.reduce((a, b) => Decimal.max(a, b)));
    }
    if (this.nonNegative() && o.nonNegative()) return new Interval(this.lo!.mul(o.lo!), this.hi && o.hi ? this.hi.mul(o.hi) : null);
    return Interval.ANY;
  }
  div(o: Interval): Interval {
    // Only the common case is tracked: a non-negative value over a positive one (an empty
    // range, `1..0`, already reported, is not one).
    if (this.nonNegative() && o.lo && o.lo.sign() > 0 && (!o.hi || o.hi.sign() > 0)) {
      return new Interval(o.hi ? this.lo!.div(o.hi) : Decimal.ZERO, this.hi ? this.hi.div(o.lo) : null);
    }
    return Interval.ANY;
  }
  join(o: Interval): Interval {
    return new Interval(this.lo && o.lo ? Decimal.min(this.lo, o.lo) : null, this.hi && o.hi ? Decimal.max(this.hi, o.hi) : null);
  }
  meet(o: Interval): Interval {
    const lo = this.lo && o.lo ? Decimal.max(this.lo, o.lo) : (this.lo ?? o.lo);
    const hi = this.hi && o.hi ? Decimal.min(this.hi, o.hi) : (this.hi ?? o.hi);
    return new Interval(lo, hi);
  }
  min(o: Interval): Interval {
    return new Interval(this.lo && o.lo ? Decimal.min(this.lo, o.lo) : null, this.hi && o.hi ? Decimal.min(this.hi, o.hi) : (this.hi ?? o.hi));
  }
  max(o: Interval): Interval {
    return new Interval(this.lo && o.lo ? Decimal.max(this.lo, o.lo) : (this.lo ?? o.lo), this.hi && o.hi ? Decimal.max(this.hi, o.hi) : null);
  }
  nonNegative(): boolean {
    return !!this.lo && this.lo.sign() >= 0;
  }
  toString(): string {
    return `${this.lo?.toString() ?? '−∞'}..${this.hi?.toString() ?? '∞'}`;
  }
}
