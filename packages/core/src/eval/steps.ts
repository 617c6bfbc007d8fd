// Traces as data: each step of how a number came about, with the numbers it used. Turning a
// step into English or Chinese prose is the explain module's job (explain/steps.ts).
// Numbers are exact decimal text, so a trace is plain JSON.
import type { Text } from '../common/text.js';
import type { Dec } from '../ir/plan.js';

/** A value as a trace shows it. */
/** `failed`: the value could not be computed (see the unit's errors). */
export type Shown = { k: 'num'; v: Dec; percent?: true } | { k: 'bool'; v: boolean } | { k: 'text'; v: string } | { k: 'absent' } | { k: 'list'; n: number } | { k: 'failed' };

/** A part of a section or of the total: its score, failed (null), or not applicable. */
export type Part = Dec | null | 'n/a';

/** A list entry as a trace shows it: its scalar fields, in declaration order. */
export type Entry = [field: string, value: Shown][];

export type Step =
  // ── an item's rule ─────────────────────────────────────────────────
  | { k: 'void'; cond: string }
  | { k: 'notApplicable'; cond: string }
  | { k: 'line'; points: Dec; deduct: boolean; cond: string; holds: boolean }
  | { k: 'sum'; value: Dec }
  | { k: 'deduct'; max: Dec; per: Dec; count: Dec; countText: string; most?: Dec; result: Dec }
  | { k: 'ratioZero'; value: Dec }
  | { k: 'ratio'; max: Dec; done: Dec; target: Dec; quotient: Dec; clamped?: Dec }
  | { k: 'rankPoints'; rank: Dec; first: Dec; step: Dec; raw: Dec; floored: boolean }
  | { k: 'onlyUnit'; max: Dec }
  | { k: 'rankScored'; place: number; n: number; by: string; value: Shown; max: Dec; result: Dec }
  | { k: 'formula'; text: string; value: Dec }
  | { k: 'tier'; source: string; value: Shown; points: Dec }
  | { k: 'dropped'; entry: Entry; reason: { k: 'with'; field: string } | { k: 'where'; cond: string } | { k: 'bestPer'; field: string } }
  | { k: 'entry'; entry: Entry; member: string; points: Dec }
  // ── after the rule ────────────────────────────────────────────────
  | { k: 'prorata'; cap: Dec; top: Dec; raw: Dec; scaled: Dec }
  | { k: 'prorataNone'; cap: Dec; top: Dec }
  | { k: 'cap'; cap: Dec; from: Dec }
  | { k: 'atMostMax'; max: Dec; from: Dec }
  | { k: 'notBelowZero'; from: Dec }
  | { k: 'rounded'; places: number; from: Dec; to: Dec }
  /** The number could not be computed (division by zero, …). */
  | { k: 'failure'; message: Text }
  // ── who is assessed, and with whom ────────────────────────────────
  | { k: 'ineligible'; cond: string }
  | { k: 'group'; key: string; size: number }
  // ── the unit's total, vetoes, place and grade ──────────────────────
  | { k: 'section'; label: string; parts: Part[]; score: Part }
  | { k: 'weighted'; score: Dec | null; scale: Dec; weight: string; total: Dec; contribution: Dec | null }
  /** Parts that do not apply are left out: the rest is scaled up to the whole's max. */
  | { k: 'rescaled'; label: string; sum: Dec; applicable: Dec; scale: Dec; result: Dec }
  /** Weighted parts that do not apply are left out: the weights of the rest count as 100%. */
  | { k: 'renormalised'; label: string; sum: Dec; weights: Dec; result: Dec }
  | { k: 'total'; parts: Part[]; bonus?: Dec; result?: Dec | null }
  | { k: 'adjusted'; factor: string; value: Shown; result: Dec | null }
  | { k: 'veto'; reason: string; cond: string }
  | { k: 'vetoGrade'; grade: string | null }
  | { k: 'ineligibleGrade'; grade: string | null }
  | { k: 'place'; place: number; of: number; after?: 'vetoed' | 'ineligible' }
  | { k: 'unplaced'; why: 'vetoed' | 'ineligible' | 'failed' }
  /** A grade with a quota: the unit's place against the number of units the grade may take. */
  | { k: 'quota'; grade: string; place: number; quota: number; quotaText: string; size: number; admitted: boolean }
  | { k: 'otherwiseGrade'; grade: string }
  | { k: 'gradeLine'; cond: string; total: Dec; grade: string };
