// Whether a plan scores every unit from its own data alone: no rule, named value, veto,
// adjustment, eligibility or grade line reads the cohort (a rank, an aggregate, the highest
// score under `cap … prorata`, the cohort's size, a place, a grade quota), here or in an
// imported scheme. Only places then compare units, so a front end may score parts of a
// cohort apart (on several threads) and place the units of every part together: each unit's
// scores, vetoes and grade are what scoring the whole cohort at once gives.
import type * as P from './plan.js';

/** Expression kinds that read other units. */
const COHORT_READS = new Set(['cohort', 'cohortSize', 'place']);

export function scoredUnitByUnit(plan: P.Plan): boolean {
  if (plan.cohort.length > 0) return false;
  if (plan.grades?.some((g) => g.k === 'if' && g.quota !== undefined)) return false;
  if (!plan.imports.every((i) => scoredUnitByUnit(i.plan))) return false;
  // Every node of the plan but its examples and imports (each checked above), without
  // recursion. A walk over whatever the plan holds, rather than over the places an
  // expression may be written today, cannot miss one added tomorrow.
  const { examples: _examples, imports: _imports, ...rest } = plan;
  const stack: unknown[] = [rest];
  while (stack.length > 0) {
    const x = stack.pop();
    if (typeof x !== 'object' || x === null) continue;
    if (Array.isArray(x)) {
      for (const v of x) stack.push(v);
      continue;
    }
    const k = (x as { k?: unknown }).k;
    if (typeof k === 'string' && COHORT_READS.has(k)) return false;
    for (const v of Object.values(x)) stack.push(v);
  }
  return true;
}
