// The flat six-field scheme (fixtures/flat.assess) written for each engine a team might pick
// instead of Assess, each computing the same numbers from the same plain rows:
//
//   组织领导 (max 5)   2 if org_system + 3 if targets_split
//   材料报送 (max 5)   5 − 1 × missing_reports, at least 0
//   群众满意度 (max 10) satisfaction × 10 / 100
//   部门考核 (max 70)   dept_score × 70 / 90      (a repeating decimal: Assess carries it to 10 places)
//   覆盖率 (max 10)     coverage ≥ 95% → 10, ≥ 80% → 6, ≥ 60% → 3, else 0
//   total, and the grade: ≥ 90 优秀, ≥ 75 良好, ≥ 60 合格, else 不合格
//
// Exact engines (hand-written exact, the compiled module, the interpreter) must give the same
// totals digit for digit; float engines (hand-written float, expr-eval, json-rules-engine, and
// Zen, whose decimals come back as JS numbers) within 1e-6 of them.
import { ZenEngine, evaluateExpressionSync, type ZenDecision } from '@gorules/zen-engine';
import { Engine as RulesEngine } from 'json-rules-engine';
import { Parser } from 'expr-eval';
import { placesOf } from './baseline.js';
import { rng } from './gen-data.js';

export interface FlatRow {
  id: string;
  org_system: boolean;
  targets_split: boolean;
  missing_reports: number;
  /** 0..90, one decimal. */
  dept_score: number;
  /** Percent, 0..100 (85 means 85%). */
  coverage: number;
  /** 0..100, one decimal. */
  satisfaction: number;
}

/** `n` rows as a JSON data file gives them, deterministic. */
export function flatRows(n: number, seed = 7): FlatRow[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `U${String(i + 1).padStart(7, '0')}`,
    org_system: r() < 0.85,
    targets_split: r() < 0.7,
    missing_reports: Math.floor(r() * 6),
    dept_score: Math.floor(450 + Math.sqrt(r()) * 451) / 10,
    coverage: Math.floor(40 + r() * 61),
    satisfaction: Math.floor(600 + r() * 401) / 10,
  }));
}

export const GRADES = ['优秀', '良好', '合格', '不合格'];
export const gradeOf = (total: number) => (total >= 90 ? 0 : total >= 75 ? 1 : total >= 60 ? 2 : 3);

/** What every engine gives: each unit's total (as a number) and grade (an index into GRADES); the exact ones their places too. */
export interface Totals {
  totals: Float64Array;
  grades: Uint8Array;
  places?: Int32Array;
}

const bands = (c: number) => (c >= 95 ? 10 : c >= 80 ? 6 : c >= 60 ? 3 : 0);

/** Hand-written, in doubles (what most teams write first). */
export function handFloat(rows: FlatRow[]): Totals {
  const n = rows.length;
  const totals = new Float64Array(n);
  const grades = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const t =
      Math.min(5, (r.org_system ? 2 : 0) + (r.targets_split ? 3 : 0)) +
      Math.max(0, 5 - r.missing_reports) +
      Math.min(10, (r.satisfaction * 10) / 100) +
      Math.min(70, (r.dept_score * 70) / 90) +
      bands(r.coverage);
    totals[i] = t;
    grades[i] = gradeOf(t);
  }
  return { totals, grades };
}

/** 10^10: scores in integers of the last place the interpreter's division keeps. */
const S = 1e10;

/**
 * Hand-written, exact: integers of 10^-10, the division rounded half up as Assess does. It
 * computes what an Assess result holds, as a team would to publish the same table: each item's
 * score, each section's, the total, the grade and the place (ties share the best place), in
 * columns of doubles that stay exact integers (a total is at most 100 × 10^10 < 2^53).
 */
export function handExact(rows: FlatRow[]): Totals & { scaled: Float64Array; places: Int32Array; items: Float64Array[]; sections: Float64Array[] } {
  const n = rows.length;
  const items = Array.from({ length: 5 }, () => new Float64Array(n));
  const sections = [new Float64Array(n), new Float64Array(n)];
  const [org, reports, sat, dept, cov] = items;
  const scaled = new Float64Array(n);
  const grades = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const D = Math.round(r.dept_score * 10); // one decimal: exact
    const num = D * 7 * S; // dept × 70 / 90 = D × 7 / 90, in units of 10^-10
    let d = Math.floor(num / 90);
    if (2 * (num - d * 90) >= 90) d++;
    org[i] = Math.min(5, (r.org_system ? 2 : 0) + (r.targets_split ? 3 : 0)) * S;
    reports[i] = Math.max(0, 5 - r.missing_reports) * S;
    sat[i] = Math.min(10 * S, Math.round(r.satisfaction * 10) * (S / 100)); // satisfaction / 10
    dept[i] = Math.min(70 * S, d);
    cov[i] = bands(r.coverage) * S;
    sections[0][i] = org[i] + reports[i] + sat[i];
    sections[1][i] = dept[i] + cov[i];
    const t = sections[0][i] + sections[1][i];
    scaled[i] = t;
    grades[i] = t >= 90 * S ? 0 : t >= 75 * S ? 1 : t >= 60 * S ? 2 : 3;
  }
  return { totals: scaled.map((x) => x / S), grades, scaled, places: placesOf(scaled), items, sections };
}

const TOTAL =
  'min([5, (org_system ? 2 : 0) + (targets_split ? 3 : 0)]) + max([0, 5 - missing_reports]) + min([10, satisfaction * 10 / 100]) + min([70, dept_score * 70 / 90]) + (coverage >= 95 ? 10 : (coverage >= 80 ? 6 : (coverage >= 60 ? 3 : 0)))';

/** expr-eval: the total as one expression, parsed once, evaluated per row (doubles). */
export function exprEval(rows: FlatRow[]): Totals {
  const expr = new Parser().parse(TOTAL.replace(/[[\]]/g, ''));
  const n = rows.length;
  const totals = new Float64Array(n);
  const grades = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = expr.evaluate(rows[i] as unknown as Record<string, number>) as number;
    totals[i] = t;
    grades[i] = gradeOf(t);
  }
  return { totals, grades };
}

/** GoRules Zen's expression evaluator: the total as one expression, per row. */
export function zenExpression(rows: FlatRow[]): Totals {
  const n = rows.length;
  const totals = new Float64Array(n);
  const grades = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = Number(evaluateExpressionSync(TOTAL, rows[i]));
    totals[i] = t;
    grades[i] = gradeOf(t);
  }
  return { totals, grades };
}

/** A Zen decision graph: an expression node for the items and the total, a decision table for the grade. */
export function zenDecision(): ZenDecision {
  const items: [string, string][] = [
    ['org', 'min([5, (org_system ? 2 : 0) + (targets_split ? 3 : 0)])'],
    ['reports', 'max([0, 5 - missing_reports])'],
    ['satisfaction_pts', 'min([10, satisfaction * 10 / 100])'],
    ['dept', 'min([70, dept_score * 70 / 90])'],
    ['coverage_pts', 'coverage >= 95 ? 10 : (coverage >= 80 ? 6 : (coverage >= 60 ? 3 : 0))'],
    ['total', '$.org + $.reports + $.satisfaction_pts + $.dept + $.coverage_pts'],
  ];
  const graph = {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
      { id: 'ex', type: 'expressionNode', name: 'items', position: { x: 100, y: 0 }, content: { expressions: items.map(([key, value], i) => ({ id: `e${i}`, key, value })) } },
      {
        id: 'dt',
        type: 'decisionTableNode',
        name: 'grade',
        position: { x: 200, y: 0 },
        content: {
          hitPolicy: 'first',
          passThrough: true,
          inputs: [{ id: 'i1', name: 'total', field: 'total' }],
          outputs: [{ id: 'o1', name: 'grade', field: 'grade' }],
          rules: [
            { _id: 'r1', i1: '>= 90', o1: '0' },
            { _id: 'r2', i1: '>= 75', o1: '1' },
            { _id: 'r3', i1: '>= 60', o1: '2' },
            { _id: 'r4', i1: '', o1: '3' },
          ],
        },
      },
      { id: 'out', type: 'outputNode', name: 'Response', position: { x: 300, y: 0 } },
    ],
    edges: [
      { id: 'a', sourceId: 'in', targetId: 'ex', type: 'edge' },
      { id: 'b', sourceId: 'ex', targetId: 'dt', type: 'edge' },
      { id: 'c', sourceId: 'dt', targetId: 'out', type: 'edge' },
    ],
  };
  return new ZenEngine().createDecision(graph);
}

/** The Zen graph over the rows, a bounded number of evaluations in flight (it evaluates asynchronously). */
export async function zenGraph(decision: ZenDecision, rows: FlatRow[]): Promise<Totals> {
  const n = rows.length;
  const totals = new Float64Array(n);
  const grades = new Uint8Array(n);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < n; i = next++) {
      const { result } = await decision.evaluate(rows[i]);
      totals[i] = Number(result.total);
      grades[i] = Number(result.grade);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return { totals, grades };
}

/**
 * json-rules-engine: its rules are conditions with events, so the conditional points (the
 * yes/no lines, the coverage bands) are rules; it has no arithmetic, so the formulas are
 * computed in JavaScript beside it, as a team using it would.
 */
export function rulesEngine(): RulesEngine {
  const engine = new RulesEngine([], { allowUndefinedFacts: true });
  const points = (conditions: object, pts: number) => engine.addRule({ conditions: { all: [conditions] } as never, event: { type: 'points', params: { points: pts } } });
  points({ fact: 'org_system', operator: 'equal', value: true }, 2);
  points({ fact: 'targets_split', operator: 'equal', value: true }, 3);
  points({ fact: 'coverage', operator: 'greaterThanInclusive', value: 95 }, 10);
  engine.addRule({ conditions: { all: [{ fact: 'coverage', operator: 'greaterThanInclusive', value: 80 }, { fact: 'coverage', operator: 'lessThan', value: 95 }] }, event: { type: 'points', params: { points: 6 } } });
  engine.addRule({ conditions: { all: [{ fact: 'coverage', operator: 'greaterThanInclusive', value: 60 }, { fact: 'coverage', operator: 'lessThan', value: 80 }] }, event: { type: 'points', params: { points: 3 } } });
  return engine;
}

export async function jsonRules(engine: RulesEngine, rows: FlatRow[]): Promise<Totals> {
  const n = rows.length;
  const totals = new Float64Array(n);
  const grades = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const { events } = await engine.run(r as unknown as Record<string, unknown>);
    let t = Math.max(0, 5 - r.missing_reports) + Math.min(10, (r.satisfaction * 10) / 100) + Math.min(70, (r.dept_score * 70) / 90);
    for (const e of events) t += (e.params as { points: number }).points;
    totals[i] = t;
    grades[i] = gradeOf(t);
  }
  return { totals, grades };
}
