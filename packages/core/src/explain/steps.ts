// Trace steps → prose, in English or Chinese. The only place a step becomes words.
import { Decimal, NOT_TERMINATING } from '../common/decimal.js';
import type { Lang, Text } from '../common/text.js';
import type { Entry, Part, Shown, Step } from '../eval/steps.js';

/** A value as a drafter reads it. */
export function showValue(v: Shown, lang: Lang): string {
  const en = lang === 'en';
  switch (v.k) {
    case 'absent':
      return en ? 'not submitted' : '未填报';
    case 'failed':
      return '?';
    case 'notApplicable':
      return en ? 'does not apply' : '不适用';
    case 'num':
      return v.percent ? pct(v.v) : v.v;
    case 'bool':
      return v.v ? (en ? 'yes' : '是') : en ? 'no' : '否';
    case 'text':
      return v.v;
    case 'list':
      return en ? `${v.n} entries` : `${v.n} 条`;
  }
}

/** A number of a trace (a value that does not terminate is shown rounded, marked “…”) as a percentage. */
function pct(d: string): string {
  const mark = d.endsWith(NOT_TERMINATING) ? NOT_TERMINATING : '';
  return `${Decimal.parse(mark ? d.slice(0, -1) : d)!.mul(Decimal.HUNDRED).toString()}${mark}%`;
}

function entry(e: Entry, lang: Lang): string {
  return `{${e.map(([k, v]) => `${k}: ${showValue(v, lang)}`).join(', ')}}`;
}

const q = (d: string | null) => (d === null ? '?' : d);

/** What `count` occurrences cost, written out: `1 × 3`, or `1 + 2 + 4 × 3` (the last amount repeating). */
function occurrences(amounts: string[], count: string): string {
  if (amounts.length === 1) return `${amounts[0]} × ${count}`;
  // A count that does not terminate is written out from its shown value.
  const x = Decimal.parse(count.endsWith(NOT_TERMINATING) ? count.slice(0, -1) : count)!;
  if (x.sign() <= 0) return '0';
  const whole = Number(x.floor().toString());
  const n = Math.min(whole, amounts.length);
  const terms = amounts.slice(0, n);
  const last = amounts[amounts.length - 1];
  // The last amount repeats: `1 + 2 + 4 × 3`.
  if (whole > n) terms[terms.length - 1] = `${last} × ${whole - n + 1}`;
  const frac = x.sub(x.floor());
  if (!frac.isZero()) terms.push(`${n < amounts.length ? amounts[n] : last} × ${frac.toString()}`);
  return terms.join(' + ');
}
/** A part of a sum, in one language. */
const p = (d: Part, lang: Lang) => (d === 'n/a' ? (lang === 'en' ? 'n/a' : '不适用') : q(d));

/** One step in both languages. */
export function explainStep(s: Step): Text {
  const t = (en: string, zh: string): Text => ({ en, zh });
  switch (s.k) {
    case 'void':
      return t(`void: ${s.cond} holds, so this item scores 0`, `作废：${s.cond} 成立，本项计 0 分`);
    case 'notApplicable':
      return t(`not applicable: ${s.cond} holds, so this item is not scored (it is left out of its section, not counted as 0)`, `不适用：${s.cond} 成立，本项不计分（不计入所在小节，而不是计 0 分）`);
    case 'ineligible':
      return t(`not assessed: ${s.cond} does not hold, so the unit has no scores and takes no part in rankings or values across units`, `不参评：${s.cond} 不成立，本单位不计分，也不参与排名和全体单位汇总`);
    case 'group':
      return t(`assessed within the group "${s.key}" (${s.size} units): rankings, values across units, places and quotas are taken within it`, `在“${s.key}”组内考核（${s.size} 个单位）：排名、全体单位汇总、名次和名额均在组内计算`);
    case 'line': {
      // `+基本分 × 2 if x: yes, 6`: a formula shows its value where the line holds.
      const pts = s.formula ?? s.points;
      const value = s.formula !== undefined && s.holds ? `, ${s.points}` : '';
      return t(`${s.deduct ? '−' : '+'}${pts} if ${s.cond}: ${s.holds ? `yes${value}` : 'no, 0'}`, `${s.deduct ? '扣' : '得'} ${pts} 若 ${s.cond}：${s.holds ? `是${value ? `，${s.points}` : ''}` : '否，0'}`);
    }
    case 'sum':
      return t(`sum ${s.value}`, `合计 ${s.value}`);
    case 'deduct': {
      const cost = occurrences(s.amounts, s.count);
      const most = (lang: Lang) => (s.most === undefined ? '' : lang === 'en' ? `, at most ${s.most}` : `，最多扣 ${s.most}`);
      const worked = cost === s.deduction ? '' : ` = ${s.deduction}`;
      // From the max: `10 − 1 × 3 (少报次数) = 7`; progressive: `10 − (1 + 2 + 4) (少报次数 3) = 3`.
      if (s.max !== undefined) {
        const of = s.amounts.length > 1 ? `(${cost})` : cost;
        const deducted = s.most !== undefined ? s.most : s.deduction;
        return s.amounts.length > 1 || s.most !== undefined
          ? t(`${s.countText} = ${s.count}: deduct ${cost}${worked}${most('en')}; ${s.max} − ${deducted} = ${s.result}`, `${s.countText} = ${s.count}：扣 ${cost}${worked}${most('zh')}；${s.max} − ${deducted} = ${s.result}`)
          : t(`${s.max} − ${of} (${s.countText}) = ${s.result}`, `${s.max} − ${of}（${s.countText}）= ${s.result}`);
      }
      // A line of a block, or a penalty: the points it takes off.
      return s.most === undefined
        ? t(`${s.countText} = ${s.count}: deduct ${cost}${worked}`, `${s.countText} = ${s.count}：扣 ${cost}${worked}`)
        : t(`${s.countText} = ${s.count}: deduct ${cost}${worked}, at most ${s.most}: ${s.most} off`, `${s.countText} = ${s.count}：扣 ${cost}${worked}，最多扣 ${s.most}：扣 ${s.most}`);
    }
    case 'ratioZero':
      return t(`the target is 0, so ${s.value} (if zero)`, `目标值为 0，按“为零时”计 ${s.value}`);
    case 'ratio':
      return t(
        `${s.max} × ${s.done} / ${s.target} = ${s.quotient}${s.clamped === undefined ? '' : `, held within 0..${s.max}: ${s.clamped}`}`,
        `${s.max} × ${s.done} / ${s.target} = ${s.quotient}${s.clamped === undefined ? '' : `，限定在 0..${s.max}：${s.clamped}`}`,
      );
    case 'rankPoints':
      return t(`rank ${s.rank}: ${s.first} − ${s.step} × (${s.rank} − 1) = ${s.raw}${s.floored ? ', not below 0' : ''}`, `名次 ${s.rank}：${s.first} − ${s.step} × (${s.rank} − 1) = ${s.raw}${s.floored ? '，不低于 0' : ''}`);
    case 'onlyUnit':
      return t(`the only unit, so the max ${s.max}`, `仅一个单位，得满分 ${s.max}`);
    case 'rankScored':
      return t(
        `place ${s.place} of ${s.n} by ${s.by} (${showValue(s.value, 'en')}): ${s.max} × (${s.n} − ${s.place}) / (${s.n} − 1) = ${s.result}`,
        `按 ${s.by}（${showValue(s.value, 'zh')}）排第 ${s.place} 名，共 ${s.n} 个单位：${s.max} × (${s.n} − ${s.place}) / (${s.n} − 1) = ${s.result}`,
      );
    case 'formula':
      return t(`${s.text} = ${s.value}`, `${s.text} = ${s.value}`);
    case 'tier':
      return t(`${s.source} is ${showValue(s.value, 'en')}: ${s.points}`, `${s.source} 为 ${showValue(s.value, 'zh')}：${s.points}`);
    case 'dropped': {
      const [en, zh] = [entry(s.entry, 'en'), entry(s.entry, 'zh')];
      const r = s.reason;
      if (r.k === 'with') return t(`dropped ${en}: no ${r.field}`, `剔除 ${zh}：缺少 ${r.field}`);
      if (r.k === 'where') return t(`dropped ${en}: ${r.cond} does not hold`, `剔除 ${zh}：不满足 ${r.cond}`);
      return t(`not counted ${en}: the same ${r.field} counts once, at its highest`, `不计 ${zh}：同一 ${r.field} 只按最高一项计`);
    }
    case 'entry':
      return t(`${entry(s.entry, 'en')}: ${s.member} ${s.points}`, `${entry(s.entry, 'zh')}：${s.member} ${s.points}`);
    case 'prorata':
      return t(
        `cap ${s.cap} prorata: the highest raw value in the cohort is ${s.top} > ${s.cap}, so ${s.raw} × ${s.cap} / ${s.top} = ${s.scaled}`,
        `封顶 ${s.cap} 按比例：全体单位中最高的原始分为 ${s.top}，超过 ${s.cap}，故 ${s.raw} × ${s.cap} / ${s.top} = ${s.scaled}`,
      );
    case 'prorataNone':
      return t(`cap ${s.cap} prorata: the highest raw value in the cohort is ${s.top}, not above ${s.cap}, so no scaling`, `封顶 ${s.cap} 按比例：全体单位中最高的原始分为 ${s.top}，未超过 ${s.cap}，不折算`);
    case 'cap':
      return t(`cap ${s.cap}: ${s.from} → ${s.cap}`, `封顶 ${s.cap}：${s.from} → ${s.cap}`);
    case 'atMostMax':
      return t(`at most the max ${s.max}: ${s.from} → ${s.max}`, `不超过满分 ${s.max}：${s.from} → ${s.max}`);
    case 'notBelowZero':
      return t(`not below 0: ${s.from} → 0`, `不低于 0：${s.from} → 0`);
    case 'rounded':
      return s.total
        ? t(`the total rounded half-up to ${s.places} places (the scheme rounds the total only): ${s.from} → ${s.to}`, `总分四舍五入保留 ${s.places} 位小数（本方案只对总分取舍）：${s.from} → ${s.to}`)
        : t(`rounded half-up to ${s.places} places: ${s.from} → ${s.to}`, `四舍五入保留 ${s.places} 位小数：${s.from} → ${s.to}`);
    case 'failure':
      return s.message;
    case 'section': {
      const sum = (lang: Lang) => (s.parts.length > 1 ? `${s.parts.map((x) => p(x, lang)).join(' + ')} = ${p(s.score, lang)}` : p(s.score, lang));
      return t(`section "${s.label}" = ${sum('en')}`, `小节 "${s.label}" = ${sum('zh')}`);
    }
    case 'rescaled':
      return t(
        `  items that do not apply are left out: ${s.sum} of ${s.applicable} applicable points, scaled to ${s.scale}: ${s.sum} × ${s.scale} / ${s.applicable} = ${s.result}`,
        `  不适用项不计入：适用项满分 ${s.applicable}，得 ${s.sum}，按 ${s.scale} 分折算：${s.sum} × ${s.scale} / ${s.applicable} = ${s.result}`,
      );
    case 'renormalised':
      return t(
        `  parts that do not apply are left out: the others' weights (${pct(s.weights)}) count as 100%: ${s.sum} / ${s.weights} = ${s.result}`,
        `  不适用部分不计入：其余部分权重合计 ${pct(s.weights)}，按 100% 折算：${s.sum} / ${s.weights} = ${s.result}`,
      );
    case 'weighted':
      return t(`  weighted: ${q(s.score)} / ${s.scale} × ${s.weight} × ${s.total} = ${q(s.contribution)}`, `  按权重：${q(s.score)} / ${s.scale} × ${s.weight} × ${s.total} = ${q(s.contribution)}`);
    case 'total': {
      const result = s.result === undefined ? '' : ` = ${q(s.result)}`;
      // A total that is its one part ("总分 = 3 = 3") says it once.
      const same = s.parts.length === 1 && s.bonus === undefined && s.penalty === undefined && s.result !== undefined;
      return same
        ? t(`total = ${q(s.result!)}`, `总分 = ${q(s.result!)}`)
        : t(
            `total = ${s.parts.map((x) => p(x, 'en')).join(' + ')}${s.bonus !== undefined ? ` + ${s.bonus} (bonus)` : ''}${s.penalty !== undefined ? ` − ${s.penalty} (penalties)` : ''}${result}`,
            `总分 = ${s.parts.map((x) => p(x, 'zh')).join(' + ')}${s.bonus !== undefined ? ` + ${s.bonus}（加分）` : ''}${s.penalty !== undefined ? ` − ${s.penalty}（减分）` : ''}${result}`,
          );
    }
    case 'floor':
      return t(`not below the floor ${s.floor}: ${s.from} → ${s.floor}`, `不低于最低分 ${s.floor}：${s.from} → ${s.floor}`);
    case 'adjusted':
      return t(`adjusted: × ${s.factor} (${showValue(s.value, 'en')}) = ${q(s.result)}`, `调整：× ${s.factor}（${showValue(s.value, 'zh')}）= ${q(s.result)}`);
    case 'veto':
      return t(`veto "${s.reason}": ${s.cond} holds`, `一票否决 "${s.reason}"：${s.cond} 成立`);
    case 'ineligibleGrade':
      return t(`not assessed, so the grade is ${s.grade === null ? 'none' : `"${s.grade}"`}`, `不参评，等级为 ${s.grade === null ? '无' : `"${s.grade}"`}`);
    case 'place':
      return s.after === 'vetoed'
        ? t(`place ${s.place}: vetoed units are placed after the others (${s.of} units assessed)`, `名次 ${s.place}：被否决的单位排在其他单位之后（共 ${s.of} 个参评单位）`)
        : s.after === 'ineligible'
          ? t(`place ${s.place}: units not assessed are placed after the others`, `名次 ${s.place}：不参评的单位排在最后`)
          : t(`place ${s.place} of ${s.of} by total (ties share the best place)`, `按总分排第 ${s.place} 名，共 ${s.of} 个参评单位（并列者同取较好名次）`);
    case 'unplaced':
      return s.why === 'vetoed'
        ? t('no place: vetoed units are not placed', '无名次：被否决的单位不排名')
        : s.why === 'ineligible'
          ? t('no place: the unit is not assessed', '无名次：本单位不参评')
          : t('no place: the total could not be computed', '无名次：总分无法计算');
    case 'quota':
      return s.admitted
        ? t(`"${s.grade}" takes at most ${s.quota} units (${s.quotaText} of ${s.size}): place ${s.place} is within it`, `"${s.grade}" 名额 ${s.quota} 个（${s.size} 个参评单位的 ${s.quotaText}）：第 ${s.place} 名在名额之内`)
        : t(
            `"${s.grade}" takes at most ${s.quota} units (${s.quotaText} of ${s.size}): place ${s.place} is past it (units tied at the boundary are all left out), so the lines below apply`,
            `"${s.grade}" 名额 ${s.quota} 个（${s.size} 个参评单位的 ${s.quotaText}）：第 ${s.place} 名超出名额（在名额边界并列的单位均不计入），按以下等级条件评定`,
          );
    case 'vetoGrade':
      return t(`vetoed, so the grade is ${s.grade === null ? 'none' : `"${s.grade}"`} whatever the points`, `被一票否决，无论得分多少，等级为 ${s.grade === null ? '无' : `"${s.grade}"`}`);
    case 'otherwiseGrade':
      return t(`no grade condition holds, so "${s.grade}"`, `以上等级条件均不成立，等级为 "${s.grade}"`);
    case 'gradeLine':
      return t(`${s.cond} holds (total ${s.total}), so "${s.grade}"`, `${s.cond} 成立（总分 ${s.total}），等级为 "${s.grade}"`);
  }
}
