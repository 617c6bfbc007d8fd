// Whether a cohort may be scored in parts: each part's units scored on their own, given the
// cohort values, with only the cohort values, the places and the grades that read places worked
// out for every part's units together. That holds when a unit's scores and vetoes follow from its
// own data, the cohort values and the sizes of the groups (and its grade from these and the
// places: a grade line's `place` or quota is given after the places, `PlacedGrading`), and each
// cohort value (a rank, a value across units, the highest raw score under `cap … prorata`) is
// taken over values that follow from the units' inputs alone, directly or through named values
// (no score, total or other cohort value: a part gives these values before it scores). Imported
// schemes are scored as they are, without cohort values, sizes or places given, so they may read
// none of them; who is assessed and with whom (`eligible if`, `within`) may read none. A front
// end scoring a large cohort on several threads asks this of the plan first.
import type * as P from './plan.js';

export function scoredInParts(plan: P.Plan): boolean {
  // An imported scheme is scored as it is, given nothing: it may not read the cohort at all.
  if (!plan.imports.every((i) => !givenInParts(i.plan) && !readsPlaces(i.plan) && scoredInParts(i.plan))) return false;
  if (mentions([plan.eligible, plan.within], (k) => k === 'cohort')) return false;
  return plan.cohort.every((c) => !readsCohort(plan, c));
}

/**
 * Whether a unit's results read places (`place` anywhere but in examples and imports, or a
 * grade line's quota, which takes units in order of place): only grade lines may. A scheme
 * scored without its places (a cohort scored in parts, whose places are worked out elsewhere)
 * then has its grades given after them.
 */
export function readsPlaces(plan: P.Plan): boolean {
  if (plan.grades?.some((g) => g.k === 'if' && g.quota !== undefined)) return true;
  const { examples: _examples, imports: _imports, ...rest } = plan;
  return mentions(rest, (k) => k === 'place');
}

/**
 * Whether the plan reads how many units a group has (`cohort size`, and `by rank of X`, whose
 * points are scaled by it): then a part scored apart is given its groups' sizes too.
 */
export function readsGroupSizes(plan: P.Plan): boolean {
  const { examples: _examples, imports: _imports, ...rest } = plan;
  return mentions(rest, (k) => k === 'cohortSize' || k === 'rankScored');
}

/** Whether a part of a cohort scored in parts is given anything: cohort values, or its groups' sizes. */
export const givenInParts = (plan: P.Plan): boolean => plan.cohort.length > 0 || readsGroupSizes(plan);

/** Whether what a cohort value is taken over reads more than the units' inputs (through named values too). */
function readsCohort(plan: P.Plan, c: P.CohortValue): boolean {
  const over = c.k === 'rank' ? [c.by] : c.k === 'prorataMax' ? [{ ...plan.items[c.item], cap: undefined }] : [c.value, c.where];
  const seenLets = new Set<number>();
  const stack: unknown[] = [over];
  let found = false;
  const onNode = (x: { k: string; id?: number }) => {
    switch (x.k) {
      case 'cohort':
      case 'cohortSize':
      case 'rankScored':
      case 'itemScore':
      case 'sectionScore':
      case 'total':
      case 'bonusTotal':
      case 'importTotal':
      case 'importScore':
        found = true;
        return;
      case 'let':
        if (!seenLets.has(x.id!)) seenLets.add(x.id!), stack.push(plan.lets[x.id!]);
    }
  };
  walk(stack, onNode, () => found);
  return found;
}

/** Whether a node below `root` has a kind `is` holds for. */
function mentions(root: unknown, is: (k: string) => boolean): boolean {
  let found = false;
  walk([root], (x) => void (is(x.k) && (found = true)), () => found);
  return found;
}

/**
 * Every object below the roots on `stack` (arrays and objects alike), without recursion: an
 * expression may be deep. A walk over whatever the plan holds, rather than over the places an
 * expression may be written today, cannot miss one added tomorrow.
 */
function walk(stack: unknown[], onNode: (x: { k: string; id?: number }) => void, done: () => boolean): void {
  while (stack.length > 0 && !done()) {
    const x = stack.pop();
    if (typeof x !== 'object' || x === null) continue;
    if (Array.isArray(x)) {
      for (const v of x) stack.push(v);
      continue;
    }
    const k = (x as { k?: unknown }).k;
    if (typeof k === 'string') onNode(x as { k: string; id?: number });
    for (const v of Object.values(x)) stack.push(v);
  }
}
