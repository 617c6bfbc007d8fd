// For tests of evaluation: compile a scheme and score rows, failing the test on any error.
import { expect } from 'vitest';
import { compile, evaluate, validateUnits, type Evaluation, type UnitResult } from '../../index.js';

/** The scheme compiled and the rows scored, with traces; any error in either fails the test. */
export function run(src: string, rows: Record<string, unknown>[]): Evaluation {
  const c = compile('c.assess', src);
  expect(c.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message.en}`)).toEqual([]);
  const { table, diagnostics } = validateUnits(c.plan!, rows, { file: 'data.json' });
  expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.message.en)).toEqual([]);
  return evaluate(c.plan!, table, { trace: true });
}

/** A unit's result by its id. */
export const unit = (ev: Evaluation, id: string): UnitResult => ev.unit(ev.ids.indexOf(id));
