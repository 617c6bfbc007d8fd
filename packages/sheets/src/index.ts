// @assess/sheets — Assess and spreadsheets (exceljs; Node and browsers, no Node API):
// read the units' data from a workbook with every bad cell placed (`数据!D7`), write an empty
// data-entry template for a scheme, and a results workbook (ranked results, explanations).
// Headers are read by @assess/core's header mapping, as CSV and JSON files are.
export { readWorkbook, readWorkbookUnits, workbookDiagnostic, workbookSheets, type ReadOptions, type WorkbookRows } from './read.js';
export { templateWorkbook, buildTemplate, HEADER_ROWS, type TemplateOptions } from './template.js';
export { resultsWorkbook, streamResultsWorkbook, buildResults, layResults, type ResultsBook, type ResultsOptions, type ResultUnits } from './results.js';
export { cellRef, columnLetter, loadWorkbook, MAX_WORKBOOK_BYTES, WorkbookError, type Workbook } from './book.js';
export { rulesTableWorkbook, buildRulesTable } from './rules-table.js';
