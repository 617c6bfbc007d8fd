// A cohort scored in parts and put together (merge.ts) gives what scoring it whole gives: the
// same JSON and CSV lines, unit for unit, over generated schemes (ranks, values across units,
// percentiles, `cap … prorata`, groups, units not assessed, vetoes, failures) and generated
// cohorts cut into parts at random places. Where the whole cohort's scoring reports a failure,
// scoring in parts never goes through (a run then goes back to one thread). In one process:
// the threads only carry these same messages.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, givenInParts, readsPlaces, scoredInParts, type Plan } from '@assess/core';
import { TableBuilder, type UnitTable } from '@assess/runtime';
import { renderScheme, schemeModel, unitData, type SchemeModel } from '@assess/testing';
import { LineBytes } from './bytes.js';
import { cohortOfParts, givenFromWire, gradesOfParts, inputsToWire, partScored, partStarts, placeInto, placeParts, warmUpPlaces } from './merge.js';
import { csvLines, jsonLines, type Part, type Scoring } from './results.js';
import { scorerFrom, type GivenToScorer, type Scorer } from './scorer-from.js';
import { scorerSource } from './scorer.js';

const utf8 = new TextDecoder();

/** Generated schemes (most compare units in ways parts cannot: a tenth or so are scored in parts); FC_RUNS=… for more. */
const RUNS = Number(process.env.FC_RUNS ?? 600);

/** The rows as a validated table, and its ids' hashes; undefined when they have a problem (a run in parts goes back to one thread then). */
function tableOf(plan: Plan.Plan, rows: readonly unknown[]): Built | undefined {
  const b = new TableBuilder(plan);
  for (const r of rows) b.addRecord(r);
  const { table, problems, idHashes } = b.finish();
  return problems.length ? undefined : { table, idHashes };
}

type Built = { table: UnitTable; idHashes: Float64Array };

/** Every line of the results in both formats: as one part, or as the parts' lines one after another. */
function lines(plan: Plan.Plan, scorings: readonly Scoring[]): string[] {
  const n = scorings.reduce((sum, s) => sum + s.n, 0);
  const last = scorings.reduce((l, s, i) => (s.n > 0 ? i : l), -1);
  const part = (i: number): Part => ({ head: i === 0, tail: i === scorings.length - 1, lastUnit: i === last, n });
  const csv = (s: Scoring, i: number) => {
    const w = new LineBytes();
    for (const _ of csvLines(plan, s, w, part(i)));
    return utf8.decode(w.take()).split('\n').slice(0, -1);
  };
  return [...scorings.flatMap((s, i) => [...jsonLines(plan, s, part(i))]), ...scorings.flatMap(csv)];
}

/** The cohort cut into parts and scored as `assess run` does on its threads; undefined where it would go back to one thread. */
function inParts(plan: Plan.Plan, scorer: Scorer, built: Built[]): Scoring[] | undefined {
  const tables = built.map((b) => b.table);
  let given: GivenToScorer[] | undefined;
  if (givenInParts(plan)) {
    try {
      const inputs = tables.map((t) => inputsToWire(scorer.scoreTable(t, { cohortInputs: true }), { n: t.n, ids: new Float64Array(0), problems: { rows: [], shares: [] } }));
      given = cohortOfParts(plan, inputs).map(givenFromWire);
    } catch {
      return undefined;
    }
  }
  // Each part without its places, as on its thread: every part's units are placed together.
  const scorings = tables.map((t, i) => scorer.scoreTable(t, { cohort: given?.[i], places: false }));
  if (scorings.some((s) => s.diagnostics.length > 0)) return undefined;
  const scored = scorings.map((s, i) => partScored(s, built[i].idHashes, { rows: [], shares: [] }));
  const places = placeParts(plan, scored);
  if (typeof places === 'string') return undefined;
  const starts = partStarts(scorings);
  scorings.forEach((s, i) => placeInto(s, places.slice(starts[i], starts[i] + s.n)));
  // Grades that read places: which units each line holds for, from every part; the grades worked out over them all given back.
  if (scorings.some((s) => s.grading)) {
    const holds = scorings.map((s) => s.grading!.holds());
    if (holds.some((h) => !h)) return undefined;
    const lineOf = gradesOfParts(plan, scored, places, holds as (Uint8Array | null)[][]);
    scorings.forEach((s, i) => s.grading!.grade(lineOf.slice(starts[i], starts[i] + s.n)));
  }
  return scorings;
}

/** 1..14 units, numbers sometimes 0 (divisions fail), cut into 1..4 parts (some of them empty). */
function cohort(model: SchemeModel) {
  const numeric = model.inputs.filter((f) => ['count', 'integer', 'number', 'percent'].includes(f.type.kind) && !('range' in f.type && f.type.range && f.type.range[0] > 0)).map((f) => f.name);
  const zero = numeric.length ? fc.option(fc.constantFrom(...numeric), { freq: 4 }) : fc.constant(null);
  const row = fc.tuple(unitData(model), zero).map(([r, z]) => (z === null ? r : { ...r, [z]: 0 }));
  return fc.tuple(
    fc.array(row, { minLength: 1, maxLength: 14 }).map((rows) => rows.map((r, i) => ({ id: `u${i}`, ...r }))),
    fc.array(fc.nat(14), { minLength: 0, maxLength: 3 }),
  );
}

describe('a cohort scored in parts', () => {
  it(`gives the lines of the whole cohort (${RUNS} schemes × 10 cohorts, cut at random)`, () => {
    const seen = { parts: 0, cohortValues: 0, byPlace: 0, wholeFailed: 0, notInParts: 0, badData: 0, badPart: 0, fellBack: 0 };
    const arb = schemeModel({ examples: false }).chain((model) => fc.tuple(fc.constant(model), fc.array(cohort(model), { minLength: 10, maxLength: 10 })));
    fc.assert(
      fc.property(arb, ([model, cohorts]) => {
        const c = compile('scheme.assess', renderScheme(model));
        const plan = c.plan!;
        if (!scoredInParts(plan)) return void seen.notInParts++;
        const scorer = scorerFrom(scorerSource(plan));
        for (const [rows, cutsAt] of cohorts) {
          const whole = tableOf(plan, rows);
          if (!whole) {
            seen.badData++;
            continue;
          }
          const cuts = [...new Set(cutsAt.map((k) => Math.min(k, rows.length)))].sort((a, b) => a - b);
          const pieces = [0, ...cuts].map((from, i, all) => rows.slice(from, i + 1 < all.length ? all[i + 1] : rows.length));
          const tables = pieces.map((p) => tableOf(plan, p));
          if (tables.some((t) => !t)) {
            seen.badPart++;
            continue;
          }
          const wholeScoring = scorer.scoreTable(whole.table);
          const scorings = inParts(plan, scorer, tables as Built[]);
          if (wholeScoring.diagnostics.length > 0) {
            seen.wholeFailed++;
            expect(scorings, 'a failure of the whole cohort goes through in parts').toBeUndefined();
            continue;
          }
          if (!scorings) {
            seen.fellBack++;
            continue;
          }
          seen.parts++;
          if (plan.cohort.length > 0) seen.cohortValues++;
          if (readsPlaces(plan)) seen.byPlace++;
          expect(lines(plan, scorings)).toEqual(lines(plan, [wholeScoring]));
        }
      }),
      { numRuns: RUNS, endOnFailure: !!process.env.FC_END },
    );
    // The property is about something: many cohorts went through in parts, some with cohort values.
    expect(seen.parts, JSON.stringify(seen)).toBeGreaterThan(RUNS / 3);
    expect(seen.cohortValues, JSON.stringify(seen)).toBeGreaterThan(RUNS / 6);
    expect(seen.byPlace, JSON.stringify(seen)).toBeGreaterThan(RUNS / 3);
    expect(seen.wholeFailed, JSON.stringify(seen)).toBeGreaterThan(0);
  }, 120_000);

  it('places totals that doubles cannot tell apart exactly, the parts’ totals read only for them', () => {
    const plan = compile('big.assess', 'scheme "s" total 1000000000000000000000000\n\ninput {\n  x : number\n}\n\nitem "a" max 1000000000000000000000000: x\n').plan!;
    const scorer = scorerFrom(scorerSource(plan));
    // Equal doubles, different totals (and equal ones) in both parts; totals the doubles tell apart.
    const xs = ['12345678901234567890.1', '12345678901234567890.2', '7', '12345678901234567890.2', '12345678901234567890.1', '12345678901234567890.3', '7.5', '12345678901234567890.1'];
    const rows = xs.map((x, i) => ({ id: `u${i}`, x }));
    const whole = scorer.scoreTable(tableOf(plan, rows)!.table);
    const scorings = inParts(plan, scorer, [tableOf(plan, rows.slice(0, 3))!, tableOf(plan, rows.slice(3))!])!;
    expect(lines(plan, scorings)).toEqual(lines(plan, [whole]));
    expect(scorings.flatMap((s) => s.columns.places)).toEqual([4, 2, 8, 2, 4, 1, 7, 4]);
  });
});

describe('warming up the places', () => {
  it('places made-up units for every example scheme and the benchmark schemes, groups included', () => {
    const root = new URL('../../../', import.meta.url);
    const files = [...readdirSync(new URL('examples/', root), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => new URL(`examples/${d.name}/scheme.assess`, root)), new URL('packages/bench/fixtures/towns.assess', root), new URL('packages/bench/fixtures/flat.assess', root)];
    const plans = files.map((f) => compile(f.pathname, readFileSync(f, 'utf8')).plan!);
    expect(plans.some((p) => p.within)).toBe(true);
    for (const plan of plans) expect(warmUpPlaces(plan)).toBe(true);
  });
});
