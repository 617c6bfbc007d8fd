// Workbooks (exceljs) in their own chunk, loaded by the worker only when a workbook is read or written.
export { readWorkbook, resultsWorkbook, templateWorkbook, workbookDiagnostic, WorkbookError, workbookSheets } from '@assess/sheets';
