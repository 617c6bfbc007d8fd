// `@assess/core/rows`: what a program needs to read units' rows (a data file's headers and
// keys, labels or field names) and to print their results (a unit's result as JSON, a score as
// text, a results table's header), without the rest of core: it loads in a few milliseconds,
// where the whole of core (the scheme's parser and checker among it) takes about 0.2 s. A
// thread that scores part of a run loads this.
export { Headers, ID_HEADERS, KIND_HEADERS, fieldHeader, recordOf, withFieldNames, fieldNamer, unitHeaders, type Column } from './data/headers.js';
export { unitJson, type UnitJson } from './explain/unit.js';
export { csvCell, showScore, resultsHeader } from './explain/table.js';
export { displayWidth, printable } from './diagnostics/render/lines.js';
