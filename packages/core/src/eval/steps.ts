// Traces as data: each step of how a number came about, with the numbers it used. Turning a
// step into English or Chinese prose is the explain module's job (explain/steps.ts).
// Numbers are exact decimal text, so a trace is plain JSON.
import type { Text } from '../common/text.js';
import type { Dec } from '../ir/plan.js';

/** A value as a trace shows it, and a list entry as a trace shows it (see @assess/runtime). */
export type { Shown, Entry } from '@assess/runtime';
import type { Shown, Entry } from '@assess/runtime';

export type Step =
  // ── an item's rule ─────────────────────────────────────────────────
  | { k: 'void'; cond: string }
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
  // ── the unit's total, vetoes and grade ─────────────────────────────
  | { k: 'section'; label: string; parts: (Dec | null)[]; score: Dec | null }
  | { k: 'weighted'; score: Dec | null; scale: Dec; weight: string; total: Dec; contribution: Dec | null }
  | { k: 'total'; parts: (Dec | null)[]; bonus?: Dec; result?: Dec | null }
  | { k: 'adjusted'; factor: string; value: Shown; result: Dec | null }
  | { k: 'veto'; reason: string; cond: string }
  | { k: 'vetoGrade'; grade: string | null }
  | { k: 'otherwiseGrade'; grade: string }
  | { k: 'gradeLine'; cond: string; total: Dec; grade: string };
