// A rule read as the sentence a drafter would write in a 考核细则表: "少报的，每次扣 1 分，扣完为止",
// "每项市级 3 分、省级 6 分、国家级 10 分，同一项目按最高等次计，累计超过 10 分的，最高者计 10 分，其余按
// 比例折算". Used by editor hover and the published rules table (check/rules-table.ts).
// Inputs are named by their labels; comparisons, `and`, `or`, `count(… where …)`, `??`,
// bands and linear scales are read as words; what has no words is quoted as written.
import type * as A from '../ast/ast.js';
import { exprText } from '../ast/ast.js';
import type { Lang } from '../common/text.js';
import type { SemanticModel } from './model.js';

/** The rule of an item (or bonus), with its cap, rounding and `void if`, as one sentence. */
export function ruleSentence(model: SemanticModel, item: A.Item, lang: Lang): string {
  const s = new Sentences(model, lang);
  return finish([s.rule(item), ...s.modifiers(item)], lang);
}

/** A condition (of a veto, a grade line, eligibility) as words: `“受处分人数”超过 0`. */
export function conditionSentence(model: SemanticModel, cond: A.Expr, lang: Lang): string {
  return new Sentences(model, lang).condition(cond);
}

const finish = (parts: string[], lang: Lang) => parts.filter(Boolean).join(lang === 'zh' ? '，' : '; ') + (lang === 'zh' ? '。' : '.');

/** Words for comparisons: `场地面积达到 50`, `area at least 50`. */
const COMPARE: Record<Lang, Record<string, string>> = {
  zh: { '>=': '达到', '>': '超过', '<': '低于', '<=': '不超过', '==': '为', '!=': '不为' },
  en: { '>=': 'at least', '>': 'more than', '<': 'less than', '<=': 'at most', '==': 'is', '!=': 'is not' },
};
const REFS: Record<Lang, Record<'TotalRef' | 'PlaceRef' | 'CohortSizeRef' | 'UnitRef', string>> = {
  zh: { TotalRef: '总分', PlaceRef: '名次', CohortSizeRef: '参评单位数', UnitRef: '单位类型' },
  en: { TotalRef: 'the total', PlaceRef: 'the place', CohortSizeRef: 'the number of units assessed', UnitRef: 'the kind of unit' },
};
const ARITHMETIC: Record<string, string> = { '+': '+', '-': '−', '*': '×', '/': '÷' };
const PRECEDENCE: Partial<Record<A.BinaryOp, number>> = { '??': 1, '+': 2, '-': 2, '*': 3, '/': 3 };

/**
 * A count named by what it counts: `少报次数` → `少报`, counted `次`; `支出审批手续不全笔数` →
 * `支出审批手续不全`, counted `笔`; `缺勤人次` → `缺勤`, `人次`; `核算差错数` → `核算差错`, `个`.
 */
const COUNTED = /^(.+?)(人次|次数|笔数|个数|起数|件数|项数|户数|处数|份数|人数|次|笔|起|数)$/;
const MEASURE: Record<string, string> = { 次数: '次', 笔数: '笔', 个数: '个', 起数: '起', 件数: '件', 项数: '项', 户数: '户', 处数: '处', 份数: '份', 人数: '人', 人次: '人次', 次: '次', 笔: '笔', 起: '起', 数: '个' };

/** `c的` (one 的, spaced after a number): `天数低于 20 的`. */
export const ofZh = (c: string) => (c.endsWith('的') ? c : `${c}${/[\w%)]$/.test(c) ? ' ' : ''}的`);

/** A value set into Chinese text: spaced from it when it starts or ends with a digit or a Latin letter (`达到 50 的`). */
const gap = (s: string) => `${/^[\w%(.−-]/.test(s) ? ' ' : ''}${s}${/[\w%).]$/.test(s) ? ' ' : ''}`;

class Sentences {
  private readonly zh: boolean;
  constructor(
    private readonly model: SemanticModel,
    private readonly lang: Lang,
  ) {
    this.zh = lang === 'zh';
  }

  /** A name as a reader knows it: an input's or named value's label, else its name. */
  private label(name: string): string | undefined {
    return (this.model.find('input', name) ?? this.model.find('let', name))?.label;
  }

  private quote(s: string): string {
    return this.zh ? `“${s}”` : `"${s}"`;
  }

  /** An expression as written (one line). */
  private written(e: A.Expr): string {
    const src = this.model.source;
    const raw = src && e.span.end > e.span.start && e.span.end <= src.length ? src.slice(e.span.start, e.span.end) : exprText(e);
    return raw.replace(/\s+/g, ' ');
  }

  /** A value in words: a lone input by its label (quoted), arithmetic with × and ÷, `a ?? b` as "a, else b". */
  private value(e: A.Expr, outer = 0): string {
    const zh = this.zh;
    switch (e.kind) {
      case 'Num':
        return e.text;
      case 'Name': {
        const label = this.label(e.name);
        return label ? this.quote(label) : e.name;
      }
      case 'TotalRef':
      case 'PlaceRef':
      case 'CohortSizeRef':
      case 'UnitRef':
        return REFS[this.lang][e.kind];
      case 'ScoreRef':
        return zh ? `${{ item: '指标', section: '小节', bonus: '加分' }[e.target]}${e.label ? this.quote(e.label.text) : ''}得分` : `the score of ${e.target}${e.label ? ` ${this.quote(e.label.text)}` : ''}`;
      case 'Member':
        return this.zh ? `${this.value(e.object)}的${e.field.name}` : `${e.field.name} of ${this.value(e.object)}`;
      case 'Call':
        return this.aggregate(e) ?? this.written(e);
      case 'Binary': {
        const p = PRECEDENCE[e.op];
        if (p === undefined) return this.condition(e);
        const text = e.op === '??' ? this.fallbacks(e) : `${this.value(e.left, p)} ${ARITHMETIC[e.op]} ${this.value(e.right, p + (e.op === '-' || e.op === '/' ? 1 : 0))}`;
        return p < outer ? `(${text})` : text;
      }
      case 'If':
        return zh ? `${this.condition(e.cond)}时取${this.value(e.then)}，否则取${this.value(e.else)}` : `${this.value(e.then)} if ${this.condition(e.cond)}, else ${this.value(e.else)}`;
      case 'Bands':
        if (e.bands.every((b) => b.test.kind === 'Member')) {
          const parts = e.bands.map((b) => `${(b.test as { member: A.Ident }).member.name} ${this.value(b.points)}`);
          return zh ? `${parts.join('、')}（按${this.value(e.subject)}）` : `${parts.join(', ')} (by ${this.value(e.subject)})`;
        }
        // Inside arithmetic the ranges are bracketed: `1 + （户籍人口低于 1000 的取 0，…）`.
        return outer > 0 ? (zh ? `（${this.bands(e, 'value')}）` : `(${this.bands(e, 'value')})`) : this.bands(e, 'value');
      default:
        return this.written(e);
    }
  }

  /** `a ?? b ?? c`: `a（未报时依次取b、c）`. */
  private fallbacks(e: A.Expr): string {
    const chain: A.Expr[] = [];
    const flatten = (x: A.Expr): void => {
      if (x.kind === 'Binary' && x.op === '??') {
        flatten(x.left);
        flatten(x.right);
      } else chain.push(x);
    };
    flatten(e);
    const [first, ...rest] = chain.map((x) => this.value(x, 2));
    if (!this.zh) return `${first} (if not given, ${rest.join(', then ')})`;
    return `${first}（未报时${rest.length > 1 ? '依次' : ''}取${rest.join('、')}）`;
  }

  /**
   * `count(荣誉 where 级别 = 省级)`: `“荣誉”中级别为省级的条数`; `sum(目标.基本分 where …)` and
   * `sum(目标, 基本分 × 完成率 where …)` likewise; `min(a, b)`: `a与b中较小者`.
   */
  private aggregate(e: Extract<A.Expr, { kind: 'Call' }>): string | undefined {
    const zh = this.zh;
    if ((e.fn === 'min' || e.fn === 'max') && e.args.length === 2 && !e.where) {
      const [a, b] = e.args.map((x) => this.value(x));
      // `min(完成率, 1)`: `完成率（超过 1 按 1 计）`, the way a 细则 caps a value.
      if (zh && e.args[1].kind === 'Num') return `${a}（${e.fn === 'min' ? '超过' : '低于'} ${b} 按 ${b} 计）`;
      const which = e.fn === 'min' ? (zh ? '较小者' : 'the smaller of') : zh ? '较大者' : 'the larger of';
      return zh ? `${a}与${gap(b)}中${which}` : `${which} ${a} and ${b}`;
    }
    const [arg, each] = e.args;
    if (e.args.length > 2 || (e.fn !== 'count' && e.fn !== 'sum') || (each && e.fn !== 'sum')) return undefined;
    const list = arg.kind === 'Member' ? arg.object : arg;
    const field = arg.kind === 'Member' ? arg.field.name : each ? this.value(each) : undefined;
    if (list.kind !== 'Name' || (e.fn === 'sum') !== (field !== undefined)) return undefined;
    const where = e.where ? ofZh(this.condition(e.where)) : '';
    const name = this.value(list);
    if (e.fn === 'count') return zh ? `${name}中${where}条数` : `the number of ${name}${e.where ? ` where ${this.condition(e.where)}` : ''}`;
    if (!zh) return `the sum of ${field} over ${name}${e.where ? ` where ${this.condition(e.where)}` : ''}`;
    return each ? `${name}中${where}各条${field}的合计` : `${name}中${where}${field}之和`;
  }

  /** A condition in words: `“场地面积”达到 50`, `a且b`, `非x`, `“查实虚报”中有虚报指标为城镇化的`; a lone yes/no by its label unquoted. */
  condition(e: A.Expr): string {
    const zh = this.zh;
    if (e.kind === 'Name') return this.label(e.name) ?? e.name;
    if (e.kind === 'Not') return zh ? `非${this.condition(e.operand)}` : `not ${this.condition(e.operand)}`;
    if (e.kind !== 'Binary') return this.value(e);
    if (e.op === 'and' || e.op === 'or') {
      const part = (x: A.Expr) => (x.kind === 'Binary' && (x.op === 'and' || x.op === 'or') && x.op !== e.op ? (zh ? `（${this.condition(x)}）` : `(${this.condition(x)})`) : this.condition(x));
      const left = part(e.left);
      return `${left}${zh ? `${/[\w%]$/.test(left) ? ' ' : ''}${e.op === 'and' ? '且' : '或'}` : ` ${e.op} `}${part(e.right)}`;
    }
    const words = COMPARE[this.lang][e.op];
    if (!words) return this.value(e);
    // `count(list where c) > 0`: there is an entry where c holds.
    if (e.op === '>' && e.right.kind === 'Num' && e.right.value === '0' && e.left.kind === 'Call' && e.left.fn === 'count' && e.left.args.length === 1 && e.left.args[0].kind === 'Name') {
      const list = this.value(e.left.args[0]);
      const where = e.left.where ? this.condition(e.left.where) : '';
      return zh ? `${list}中有${where ? `${where}的` : '记录'}` : `any ${list}${where ? ` where ${where}` : ''}`;
    }
    // A count above 0: `有所属人员受党纪政纪处分` for “所属人员受党纪政纪处分人数” > 0.
    if (zh && e.op === '>' && e.right.kind === 'Num' && e.right.value === '0' && e.left.kind === 'Name') {
      const m = COUNTED.exec(this.label(e.left.name) ?? e.left.name);
      if (m) return `有${m[1]}`;
    }
    // A score compared with a number: `总分达到 90 分`.
    const unit = e.right.kind === 'Num' && (e.left.kind === 'TotalRef' || e.left.kind === 'ScoreRef') ? (zh ? ' 分' : ' points') : '';
    return zh ? `${this.value(e.left)}${words}${gap(this.value(e.right))}`.trimEnd() + unit : `${this.value(e.left)} ${words} ${this.value(e.right)}${unit}`;
  }

  /** `…的，` before what follows a condition (not doubled when the condition already ends in 的). */
  private whenZh(cond: string): string {
    return `${ofZh(cond)}，`;
  }

  private points(n: A.Num | A.Expr): string {
    if (n.kind !== 'Num') return this.zh ? `${this.value(n)} 分` : `${this.value(n)} points`;
    return this.zh ? `${n.text} 分` : `${n.text} point${n.text === '1' ? '' : 's'}`;
  }

  /** `1 point` or, progressive, `1, 2, then 4 points`. */
  private amounts(ns: A.Num[]): string {
    if (ns.length === 1) return this.points(ns[0]);
    const head = ns.slice(0, -1).map((n) => n.text);
    const last = ns[ns.length - 1].text;
    return this.zh ? `第 1 至 ${ns.length - 1} 次依次扣 ${head.join('、')} 分，以后每次扣 ${last} 分` : `${head.join(', ')}, then ${last} points each`;
  }

  /** What a count counts and by what measure: `少报` and `次` for “少报次数”. */
  private counted(count: A.Expr): { what: string; measure: string } {
    if (count.kind === 'Name') {
      const text = this.label(count.name) ?? count.name;
      const m = COUNTED.exec(text);
      if (m) return { what: m[1], measure: MEASURE[m[2]] };
      return { what: this.quote(text), measure: '次' };
    }
    // `count(驻村记录 where 天数 < 20)`: `驻村记录中天数低于 20 的，每条扣…`.
    if (count.kind === 'Call' && count.fn === 'count' && count.args.length === 1 && count.args[0].kind === 'Name') {
      const list = this.value(count.args[0]);
      return { what: count.where ? `${list}中${ofZh(this.condition(count.where))}` : list, measure: '条' };
    }
    return { what: this.zh ? `按${gap(this.value(count))}计` : this.value(count), measure: '次' };
  }

  /** `少报，每次扣 1 分，最多扣 5 分` / `1 point off per x, at most 5 off`. */
  private perOccurrence(amounts: A.Num[], count: A.Expr, max: A.Num | undefined, floor: boolean): string {
    const zh = this.zh;
    const most = max ? (zh ? `，最多扣 ${this.points(max)}` : `, at most ${this.points(max)} off`) : floor ? (zh ? '，扣完为止' : ', down to 0') : '';
    if (!zh) return amounts.length > 1 ? `per ${this.value(count)}: ${this.amounts(amounts)} off${most}` : `${this.points(amounts[0])} off per ${this.value(count)}${most}`;
    // `deduct 3 per (8 - count(台账 where 完整))`: what falls short of a number, one unit at a time.
    if (count.kind === 'Binary' && count.op === '-' && count.left.kind === 'Num' && amounts.length === 1) {
      const right = count.right;
      const measure = right.kind === 'Call' && right.fn === 'count' ? '条' : this.counted(right).measure;
      return `${this.value(right)}不足 ${count.left.text} ${measure}的，每少 1 ${measure}扣 ${this.points(amounts[0])}${most}`;
    }
    const { what, measure } = this.counted(count);
    if (amounts.length > 1) return `${what}，${this.amounts(amounts).replace(/次/g, measure)}${most}`;
    return `${what}，每${measure}扣 ${this.points(amounts[0])}${most}`;
  }

  rule(item: A.Item): string {
    const r = item.rule;
    const zh = this.zh;
    const max = item.max?.text ?? item.cap?.value.text;
    switch (r.kind) {
      case 'Points':
        return r.lines
          .map((l) => {
            if (l.kind === 'Per') return this.perOccurrence(l.amounts, l.count, l.max, false);
            const off = l.deduct || item.kind === 'Penalty';
            const verb = off ? '扣' : item.kind === 'Bonus' ? '加' : '得';
            return zh ? `${this.whenZh(this.condition(l.cond))}${verb} ${this.points(l.points)}` : `${off ? '−' : ''}${this.points(l.points)} if ${this.condition(l.cond)}`;
          })
          .join(zh ? '；' : '; ');
      case 'Deduct':
        return this.perOccurrence(r.amounts, r.count, r.max, item.kind !== 'Penalty');
      case 'Ratio': {
        const zero = r.ifZero ? (zh ? `；${this.value(r.target)}为 0 时得 ${this.value(r.ifZero)} 分` : `; ${this.value(r.ifZero)} if ${this.value(r.target)} is 0`) : '';
        const full = max ?? (zh ? '满' : 'full');
        return zh
          ? `${this.value(r.done)}达到${gap(this.value(r.target))}的得 ${full} 分，未达到的按比例计分${zero}`
          : `${full} points if ${this.value(r.done)} reaches ${this.value(r.target)}, else in proportion${zero}`;
      }
      case 'RankPoints':
        return zh ? `按${this.value(r.rank)}，第一名得 ${this.points(r.first)}，每降一名扣 ${this.points(r.step)}，扣完为止` : `by place ${this.value(r.rank)}: first place ${this.points(r.first)}, ${this.points(r.step)} less per place, down to 0`;
      case 'RankScored':
        return zh
          ? `按${this.value(r.by)}${r.dir === 'asc' ? '从低到高' : '从高到低'}排名计分：第一名得满分，最后一名得 0 分，其余按名次等差计分`
          : `by rank of ${this.value(r.by)} (${r.dir === 'asc' ? 'lowest' : 'highest'} first): the first scores the max, the last 0, the others evenly between`;
      case 'Tiers':
        return this.tiers(r);
      case 'Formula':
        return this.formula(r.expr);
    }
  }

  private tiers(r: Extract<A.Rule, { kind: 'Tiers' }>): string {
    const zh = this.zh;
    const tiers = r.tiers.map((t) => `${t.member.name} ${this.points(t.points)}`).join(zh ? '、' : ', ');
    const filters = r.filters.map((f) => {
      if (f.kind === 'With') return zh ? `须有${this.fieldLabel(f.field.name)}` : `only with ${this.fieldLabel(f.field.name)}`;
      if (f.kind === 'Where') return zh ? `限${this.condition(f.cond)}` : `only where ${this.condition(f.cond)}`;
      return zh ? `同一${this.fieldLabel(f.field.name)}按最高等次计` : `each ${this.fieldLabel(f.field.name)} once, at its highest`;
    });
    const per = r.source && this.isList(r.source) ? (zh ? '每项' : 'each entry: ') : '';
    return [`${per}${tiers}`, ...filters].join(zh ? '，' : ', ');
  }

  /** A formula: bands and linear scales as their steps, anything else as a value. */
  private formula(e: A.Expr): string {
    const zh = this.zh;
    if (e.kind === 'Bands') return this.bands(e);
    if (e.kind === 'Linear') return this.linear(e);
    if (e.kind === 'If' && zh) return `${this.whenZh(this.condition(e.cond))}按${gap(this.value(e.then))}计分；否则按${gap(this.value(e.else))}计分`;
    return zh ? `按${gap(this.value(e))}计分` : `scored as ${this.value(e)}`;
  }

  /**
   * `开票销售低于 10亿 的得 5 分，10亿 至 20亿 的得 10 分，…，30亿 及以上的得 20 分`; as a value
   * (a named value, a factor) `…的取 0.02`.
   */
  private bands(e: Extract<A.Expr, { kind: 'Bands' }>, as: 'points' | 'value' = 'points'): string {
    const zh = this.zh;
    const subject = this.value(e.subject);
    const get = zh ? (as === 'points' ? '得' : '取') : '';
    const amount = (x: A.Expr) => (as === 'points' ? this.points(x) : this.value(x));
    const below = e.bands.every((b, i) => (b.test.kind === 'Compare' && b.test.op === '<' && b.test.value.kind === 'Num') || (b.test.kind === 'Else' && i === e.bands.length - 1));
    const parts = e.bands.map((b, i) => {
      const t = b.test;
      const pts = amount(b.points);
      if (below && t.kind === 'Compare') {
        const prev = i > 0 ? (e.bands[i - 1].test as { value: A.Num }).value.text : undefined;
        const bound = (t.value as A.Num).text;
        if (prev === undefined) return zh ? `${subject}低于 ${bound} 的${get} ${pts}` : `${pts} below ${bound}`;
        return zh ? `${prev} 至 ${bound} 的${get} ${pts}` : `${pts} from ${prev} to below ${bound}`;
      }
      if (below && t.kind === 'Else') {
        const last = (e.bands[i - 1]?.test as { value: A.Num } | undefined)?.value.text;
        return zh ? `${last} 及以上的${get} ${pts}` : `${pts} from ${last} up`;
      }
      switch (t.kind) {
        case 'Compare':
          return zh ? `${COMPARE.zh[t.op]} ${this.value(t.value)} 的${get} ${pts}` : `${pts} if ${COMPARE.en[t.op]} ${this.value(t.value)}`;
        case 'Member':
          return zh ? `${t.member.name}${get} ${pts}` : `${t.member.name} ${pts}`;
        case 'Is':
          return zh ? `${t.value ? '是' : '否'}${get} ${pts}` : `${t.value ? 'yes' : 'no'} ${pts}`;
        case 'Else':
          return zh ? `其余${get} ${pts}` : `otherwise ${pts}`;
      }
    });
    return below ? parts.join(zh ? '，' : ', ') : zh ? `按${subject}：${parts.join('，')}` : `by ${subject}: ${parts.join(', ')}`;
  }

  /** `销售增速为 0 及以下的得 0 分，达到 30% 的得 10 分，其间按比例计分`. */
  private linear(e: Extract<A.Expr, { kind: 'Linear' }>): string {
    const zh = this.zh;
    const subject = this.value(e.subject);
    const pts = e.points;
    const first = pts[0];
    const last = pts[pts.length - 1];
    if (!first || !last) return this.written(e);
    const middle = pts.slice(1, -1).map((p) => (zh ? `${p.x.text} 得 ${this.points(p.y)}` : `${this.points(p.y)} at ${p.x.text}`));
    if (zh) return [`${subject}不超过 ${first.x.text} 的得 ${this.points(first.y)}`, ...middle, `达到 ${last.x.text} 的得 ${this.points(last.y)}`, '其间按比例计分'].join('，');
    return [`${this.points(first.y)} at ${subject} ${first.x.text} or less`, ...middle, `${this.points(last.y)} at ${last.x.text} or more`, 'in proportion between'].join(', ');
  }

  modifiers(item: A.Item): string[] {
    const zh = this.zh;
    const out: string[] = [];
    if (item.cap) {
      const c = item.cap.value.text;
      out.push(item.cap.prorata ? (zh ? `累计超过 ${c} 分的，最高者计 ${c} 分，其余按比例折算` : `above ${c} in all, the highest unit gets ${c} and the others are scaled in proportion`) : zh ? `最高 ${c} 分` : `at most ${c}`);
    }
    for (const v of item.voids) out.push(zh ? `${this.whenZh(this.condition(v))}本项计 0 分` : `0 if ${this.condition(v)}`);
    for (const v of item.notApplicable) out.push(zh ? `${this.whenZh(this.condition(v))}本项不适用，不计入所在小节` : `not scored if ${this.condition(v)} (left out of its section)`);
    if (item.round) out.push(zh ? `保留 ${item.round.text} 位小数` : `rounded to ${item.round.text} places`);
    return out;
  }

  private isList(e: A.Expr): boolean {
    const t = this.model.typeOf(e);
    return t?.k === 'list';
  }

  private fieldLabel(name: string): string {
    const def = this.model.ofKind('entryField').find((d) => d.name === name);
    return def?.label ?? name;
  }
}
