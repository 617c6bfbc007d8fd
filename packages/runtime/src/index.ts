// @assess/runtime — what an Assess scheme needs at run time, for the interpreter in
// @assess/core and for modules compiled by @assess/compiler: exact decimals, submitted values
// and their validation into a unit table, and the cohort helpers (aggregates, ranks).
// No dependencies and no Node API: it runs unchanged in browsers.
export { Decimal, DISPLAY_PLACES, NOT_TERMINATING, TEXT_BYTES, writeDigits } from './decimal.js';
export { numberValue, NUMBER_TEXT } from './numbers.js';
export { DATA_LIMITS, YES, NO, toDecimal, toPercent, toYesNo, isAbsent, describeFound, foundText } from './values.js';
export { aggregate, cohortNumber, compare, competitionRanks, deduction, percentile, topK, type AggregateFn, type CohortNumber, type CompareOp } from './cohort.js';
export {
  TableBuilder,
  validateRows,
  csvValue,
  csvRecord,
  percentShares,
  type CsvLayout,
  type Bounds,
  type FieldSpec,
  type FieldType,
  type InputSpec,
  type Problem,
  type Rec,
  type UnitTable,
  type Value,
} from './table.js';
export { shown, scoreShown, entryOf, type Shown, type Entry, type KeptEntry } from './trace.js';
export { competitionPlaces, descendingOrder, gradeByPlace, inPlaceOrder, placesOfSortedParts, placeTotals, placeUnits, quotaOf, type Placing, type PlaceTotals, type GradeLine, type QuotaDecision } from './places.js';
export { groupKey, groupUnits, type Groups } from './groups.js';
export { Memo } from './memo.js';
export { idHash } from './ids.js';
export { scoresToWire, scoresFromWire, wireBuffers, type ScoresOnWire } from './wire.js';
export { SameKeys } from './keys.js';
export * as ops from './ops.js';
export { problemDiagnostic } from './ops.js';
export type { V, EntryFn, Template, FailureSite, Diagnostic, HoleValue, ProblemWords } from './ops.js';
export { UNSET, NO_VETOES, column, once, recordFailure, guarded, failed, shownOrFailed, keptEntries, sumApplicable, dedupe, scoring, rejected, type PlacedGrading, type Scoring, type ScoreColumns, type ScorerOutput } from './scoring.js';
export type { ItemTrace, TraceInput, ItemResult, SectionResult, UnitResult } from './results.js';
