// One unit's result as text a non-programmer can follow (`assess explain`), and as JSON
// (`assess run --format json`, the studio). The shapes are defined here once.
import { Decimal } from '../common/decimal.js';
import type { Lang } from '../common/text.js';
import type { ItemResult, SectionResult, UnitResult } from '../eval/evaluate.js';
import { explainStep, showValue } from './steps.js';
import type { KeptEntry, TraceInput } from '@assess/runtime';

const show = (d: Decimal | null) => (d === null ? '—' : d.toString());

/** One unit's explanation: each section and item with its rule, inputs and steps, then the total, vetoes, place and grade. */
export function explainUnit(r: UnitResult, lang: Lang): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  const place = r.place !== null ? (zh ? `，第 ${r.place} 名` : `, place ${r.place}`) : '';
  const head = !r.eligible ? (zh ? `${r.id}：不参评` : `${r.id}: not assessed`) : zh ? `${r.id}：总分 ${show(r.total)}${place}` : `${r.id}: total ${show(r.total)}${place}`;
  out.push(`${head}${r.grade ? (zh ? `，等级 "${r.grade}"` : `, grade "${r.grade}"`) : ''}${r.vetoed ? (zh ? `（一票否决：${r.vetoes.join('；')}）` : ` (vetoed: ${r.vetoes.join('; ')})`) : ''}`);
  out.push('');
  const score = (x: { score: Decimal | null; notApplicable?: true }) => (x.notApplicable ? (zh ? '不适用' : 'n/a') : show(x.score));
  const item = (i: ItemResult, indent: string, kind: 'item' | 'bonus' | 'penalty' = 'item') => {
    if (kind === 'item') out.push(`${indent}${zh ? '指标' : 'item'} "${i.label}"  ${score(i)} / ${show(i.max)}`);
    else if (kind === 'bonus') out.push(`${indent}${zh ? '加分' : 'bonus'} "${i.label}"  ${score(i)}`);
    else out.push(`${indent}${zh ? '减分' : 'penalty'} "${i.label}"  ${i.score === null || i.notApplicable ? score(i) : `−${i.score.toString()}`}`);
    if (!i.trace) return;
    out.push(`${indent}  ${zh ? '规则' : 'rule'}: ${i.trace.rule}`);
    for (const inp of i.trace.inputs) {
      // A named value is computed, not submitted: shown with its formula.
      if (inp.formula !== undefined) out.push(`${indent}  ${zh ? '计算' : 'computed'}: ${inp.name} = ${inp.formula} = ${showValue(inp.value, lang)}`);
      else if (inp.entries) out.push(...keptLines(inp, lang).map((l, k) => `${indent}  ${k ? '  ' : ''}${l}`));
      else if (inp.score) out.push(`${indent}  ${zh ? '得分' : 'score'}: ${inp.name} = ${showValue(inp.value, lang)}`);
      else out.push(`${indent}  ${zh ? '数据' : 'input'}: ${inp.name}${inp.label ? ` (${inp.label})` : ''} = ${showValue(inp.value, lang)}`);
    }
    for (const s of i.trace.steps) out.push(`${indent}  · ${explainStep(s)[lang]}`);
  };
  const section = (s: SectionResult, indent: string) => {
    const weight = s.weight ? `${s.weight.mul(Decimal.HUNDRED).toString()}%` : '';
    out.push(`${indent}${zh ? '小节' : 'section'} "${s.label}"  ${score(s)} / ${s.max}${weight ? (zh ? `（权重 ${weight}）` : ` (weight ${weight})`) : ''}`);
    for (const i of r.items.filter((x) => x.section === s.label)) item(i, `${indent}  `);
    for (const c of r.sections.filter((x) => x.parent === s.label)) section(c, `${indent}  `);
    if (!indent) out.push('');
  };
  if (r.eligible) {
    for (const s of r.sections.filter((x) => x.parent === undefined)) section(s, '');
    for (const i of r.items.filter((x) => x.section === undefined)) {
      item(i, '');
      out.push('');
    }
    for (const b of r.bonuses) {
      item(b, '', 'bonus');
      out.push('');
    }
    for (const p of r.penalties) {
      item(p, '', 'penalty');
      out.push('');
    }
  }
  for (const s of r.steps ?? []) out.push(explainStep(s)[lang]);
  return out.join('\n') + '\n';
}

/** At most this many entries of a list are listed in an explanation; the rest are counted. */
const MAX_ENTRIES = 20;

/**
 * The entries a list aggregate counted, a line each after a heading: `驻村记录 中 天数 < 20 的 3 条：`
 * then `第 2 条：月份 3，天数 15`, with what each adds (`→ 8`) when the aggregate takes a value.
 */
function keptLines(inp: TraceInput, lang: Lang): string[] {
  const zh = lang === 'zh';
  const entries = inp.entries ?? [];
  const n = entries.length;
  const each = inp.each !== undefined ? (zh ? `（每条计 ${inp.each}）` : ` (each: ${inp.each})`) : '';
  const head =
    inp.where !== undefined
      ? zh
        ? `${inp.name} 中 ${inp.where} 的 ${n} 条${each}${n ? '：' : ''}`
        : `${inp.name} where ${inp.where}: ${n} ${n === 1 ? 'entry' : 'entries'}${each}`
      : zh
        ? `${inp.name} 逐条${each}：${n ? '' : '无'}`
        : `${inp.name}, entry by entry${each}:${n ? '' : ' none'}`;
  const fields = (e: KeptEntry) => e.entry.map(([f, v]) => `${f} ${showValue(v, lang)}`).join(zh ? '，' : ', ');
  const line = (e: KeptEntry) => `${zh ? `第 ${e.at} 条：` : `#${e.at}: `}${fields(e)}${e.value ? ` → ${showValue(e.value, lang)}` : ''}`;
  const rest = n - MAX_ENTRIES;
  return [head, ...entries.slice(0, MAX_ENTRIES).map(line), ...(rest > 0 ? [zh ? `…… 另 ${rest} 条` : `… and ${rest} more`] : [])];
}

/** One unit's result as plain JSON (scores as exact decimal strings). */
export function unitJson(r: UnitResult) {
  const scores = (xs: { label: string; score: Decimal | null }[]) => Object.fromEntries(xs.map((x) => [x.label, x.score === null ? null : x.score.toString()]));
  return {
    id: r.id,
    ...(r.kind ? { kind: r.kind } : {}),
    ...(r.group !== undefined ? { group: r.group } : {}),
    ...(r.eligible ? {} : { eligible: false }),
    total: r.total === null ? null : r.total.toString(),
    place: r.place,
    grade: r.grade,
    vetoed: r.vetoed,
    vetoes: r.vetoes,
    sections: scores(r.sections),
    items: scores(r.items),
    bonus: r.bonus.toString(),
    bonuses: scores(r.bonuses),
    ...(r.penalties.length ? { penalty: r.penalty.toString(), penalties: scores(r.penalties) } : {}),
  };
}

export type UnitJson = ReturnType<typeof unitJson>;

/** One unit's explanation as JSON: every number with its steps, in one language. */
export function explanationJson(r: UnitResult, lang: Lang) {
  const item = (i: ItemResult) => ({
    label: i.label,
    ...(i.section !== undefined ? { section: i.section } : {}),
    score: i.score === null ? null : i.score.toString(),
    max: i.max === null ? null : i.max.toString(),
    ...(i.trace
      ? {
          rule: i.trace.rule,
          inputs: i.trace.inputs.map((x) => ({
            name: x.name,
            ...(x.label ? { label: x.label } : {}),
            ...(x.formula !== undefined ? { formula: x.formula } : {}),
            ...(x.where !== undefined ? { where: x.where } : {}),
            value: showValue(x.value, lang),
            ...(x.entries
              ? { entries: x.entries.map((e) => ({ at: e.at, fields: Object.fromEntries(e.entry.map(([f, v]) => [f, showValue(v, lang)])), ...(e.value ? { value: showValue(e.value, lang) } : {}) })) }
              : {}),
          })),
          steps: i.trace.steps.map((s) => explainStep(s)[lang]),
        }
      : {}),
  });
  return {
    ...unitJson(r),
    items: r.items.map(item),
    bonuses: r.bonuses.map(item),
    penalties: r.penalties.map(item),
    sections: r.sections.map((s) => ({ label: s.label, score: s.score === null ? null : s.score.toString(), max: s.max.toString(), ...(s.weight ? { weight: s.weight.toString() } : {}), contribution: s.contribution === null ? null : s.contribution.toString() })),
    steps: (r.steps ?? []).map((s) => explainStep(s)[lang]),
    errors: r.errors.map((d) => ({ code: d.code, message: d.message[lang] })),
  };
}
