// Values during evaluation. The operations every backend shares on them (comparisons,
// aggregates, ranks, values as traces show them) are in @assess/runtime, which compiled
// schemes import too.
import type { Value } from '../data/validate.js';

export { aggregate, cohortNumber, compare, competitionRanks, deduction, percentile, topK, shown, scoreShown, entryOf, keptEntries } from '@assess/runtime';

/** A value during evaluation: a data value, or a list of values (`honors.level`). */
export type V = Value | V[];
