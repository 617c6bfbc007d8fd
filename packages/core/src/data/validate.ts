// Pass 5a: submitted rows → validated unit table, column by column.
//
// Every bad value is reported with the unit's id, the field and what was expected, before
// anything is scored. The checks are @assess/runtime's TableBuilder, built once from the
// plan's input block (compiled schemes use the same one); this module words its problems as
// diagnostics from the catalog. Data is untrusted: records are rebuilt with only the
// declared keys on objects without a prototype, so `__proto__` or `constructor` keys change
// nothing. (zod stays the published schema: data/schema.ts.)
import { foundText, validateRows, type Problem, type UnitTable } from '@assess/runtime';
import { diag, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import type { Plan } from '../ir/plan.js';
import { expectedText } from './values.js';

export { DATA_LIMITS } from './values.js';
export type { Value, Rec, UnitTable } from '@assess/runtime';

/** Where the rows came from, for the spans of diagnostics. */
export interface Where {
  file: string;
  /** Offset of a unit's row in the data file, when known. */
  rowSpan?: (i: number) => Span;
  /** Where a unit's value is in the data file's text, by field path (`org_system`, `荣誉[2].级别`), when known. */
  valueSpan?: (row: number, field: string) => Span | undefined;
  /**
   * For a workbook: the cell a unit's value is in (`数据!D7`), by row and field path (`id`
   * for the unit's id, `荣誉[2].级别` for a list entry's field). A problem with a known cell
   * is placed at `file 数据!D7`, which is what every renderer prints, there being no text.
   */
  cell?: (row: number, field: string) => string | undefined;
}

/** The field a problem is about: the id column for a missing or repeated id. */
export function problemField(p: Problem): string | undefined {
  return p.code === 'E0501' || p.code === 'E0502' || p.code === 'W0501' || p.code === 'W0502' ? p.field : p.code === 'E0503' || p.code === 'E0504' ? 'id' : undefined;
}

/**
 * Rows of data (from JSON or CSV) → a validated table. Every problem is reported; a unit
 * with an error is never silently dropped: the table is only usable when there are no errors.
 */
export function validateUnits(plan: Plan, rows: unknown[], where: Where): { table: UnitTable; diagnostics: Diagnostic[] } {
  const { table, problems } = validateRows(plan, rows);
  return { table, diagnostics: dataDiagnostics(plan, problems, where) };
}

/** The validator's problems as diagnostics, in the order they were found. */
export function dataDiagnostics(plan: Plan, problems: readonly Problem[], where: Where): Diagnostic[] {
  const spanOf = (p: Problem): Span => {
    const field = problemField(p);
    const cell = field === undefined ? undefined : where.cell?.(p.row, field);
    if (cell !== undefined) return { start: 0, end: 0, file: `${where.file} ${cell}` };
    return (field === undefined ? undefined : where.valueSpan?.(p.row, field)) ?? where.rowSpan?.(p.row) ?? { start: 0, end: 0, file: where.file };
  };
  return problems.map((p) => {
    const span = spanOf(p);
    switch (p.code) {
      case 'E0501':
        return diag('E0501', span, { unit: p.unit, field: p.field, expected: expectedText(p.expected, plan.gradeLabels), found: foundText(p.found) });
      case 'E0502':
        return diag('E0502', span, { unit: p.unit, field: p.field, expected: expectedText(p.expected, plan.gradeLabels) });
      case 'E0503':
        return diag('E0503', span, { id: p.id, first: p.first + 1, row: p.row + 1 });
      case 'E0504':
        return diag('E0504', span, { row: p.row + 1 });
      case 'E0505':
        return diag('E0505', span, { k: 'notRecord', row: p.row + 1 });
      case 'E0507':
        return diag('E0507', span, { count: p.count, limit: p.limit });
      case 'W0501':
        return diag('W0501', span, { field: p.field, unit: p.unit });
      case 'W0502':
        return diag('W0502', span, { field: p.field, unit: p.unit, found: p.found, asPercent: p.asPercent });
    }
  });
}
