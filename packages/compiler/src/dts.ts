// The compiled module's declarations: the rows it takes, typed from the scheme's input block
// (what a data file may hold: a number or its text, yes/no in words), and the results it gives.
import type { Plan as P } from '@assess/core';
import { docText, lit } from './text.js';
import { Lines } from './lines.js';

/** The TypeScript type of a submitted value of a field. */
function valueType(t: P.FieldType, grades: string[]): string {
  switch (t.k) {
    case 'yesno':
      return 'boolean | number | string';
    case 'count':
    case 'integer':
    case 'number':
    case 'percent':
      return 'number | string';
    case 'text':
      return 'string | number';
    case 'grade':
      return grades.length ? grades.map(lit).join(' | ') : 'string';
    case 'enum':
      return t.members.map(lit).join(' | ');
    case 'list':
      return `Array<${record(t.fields, grades, '  ')}>`;
  }
}

function record(fields: P.Field[], grades: string[], indent: string): string {
  const L = fields.map((f) => {
    const doc = f.label !== undefined ? `${indent}  /** ${docText(f.label)} */\n` : '';
    return `${doc}${indent}  ${lit(f.name)}${f.optional ? '?' : ''}: ${valueType(f.type, grades)}${f.optional ? ' | null' : ''};`;
  });
  return `{\n${L.join('\n')}\n${indent}}`;
}

export function declarations(plan: P.Plan, runtime: string): string {
  const L = new Lines();
  L.line(`// Types of the module compiled from ${docText(plan.name)} by \`assess compile\`.`);
  L.line(`import type { Scoring, Diagnostic, UnitResult as RuntimeUnitResult, UnitTable } from ${lit(runtime)};`);
  L.line();
  L.line(`/** One unit's data, as a JSON data file gives it. */`);
  const kinds = plan.unitKinds.length > 1 ? `  /** The unit's kind. */\n  unit: ${plan.unitKinds.map(lit).join(' | ')};\n` : '';
  const body = record(plan.inputs, plan.gradeLabels, '');
  L.line(`export interface Row {\n  /** The unit's id. */\n  id: string | number;\n${kinds}${body.slice(2)}`);
  L.line();
  L.line(`/** A unit's result, as the interpreter gives it. */
export type UnitResult = RuntimeUnitResult<object, Diagnostic> & { grade: ${plan.gradeLabels.length ? `${plan.gradeLabels.map(lit).join(' | ')} | null` : 'string | null'} };

export interface ScoreOptions {
  /** Record traces: for every unit (true), or for the units this picks. */
  trace?: boolean | ((unit: number) => boolean);
  /** The data file's name, for the spans of data diagnostics. */
  file?: string;
  /** false: leave every place null, for the caller to work out, and grades that read places ungiven until it gives them (\`Scoring.grading\`). */
  places?: false;
}

/** The input block, as the runtime's validator reads it. */
export declare const inputs: { inputs: object[]; unitKinds: string[]; gradeLabels: string[] };

/** Validate the rows, then score every unit; with data errors nothing is scored (see \`diagnostics\`). */
export declare function score(rows: readonly Row[], options?: ScoreOptions): Scoring<UnitResult>;

/** Score a table already validated by @assess/runtime. */
export declare function scoreTable(table: UnitTable, options?: ScoreOptions): Scoring<UnitResult>;`);
  return L.text() + '\n';
}
