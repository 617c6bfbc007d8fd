// A rule read as the sentence a drafter would write in a 考核细则表: "少报次数每次扣 1 分，扣完为止",
// "市级 3 分、省级 6 分、国家级 10 分，同一项目按最高计，累计超过 10 分的按比例折算". Used by editor
// hover and the published rules table. Conditions and formulas are quoted as written; an input
// is named by its label when it has one.
import type * as A from '../ast/ast.js';
import { exprText } from '../ast/ast.js';
import type { Lang } from '../common/text.js';
import type { SemanticModel } from './model.js';

/** The rule of an item (or bonus), with its cap, rounding and `void if`, as one sentence. */
export function ruleSentence(model: SemanticModel, item: A.Item, lang: Lang): string {
  const s = new Sentences(model, lang);
  return [s.rule(item), ...s.modifiers(item)].filter(Boolean).join(lang === 'zh' ? '，' : '; ') + (lang === 'zh' ? '。' : '.');
}

class Sentences {
  private readonly zh: boolean;
  constructor(
    private readonly model: SemanticModel,
    private readonly lang: Lang,
  ) {
    this.zh = lang === 'zh';
  }

  /** An expression as written; a lone input by its label. */
  private text(e: A.Expr): string {
    if (e.kind === 'Name') {
      const def = this.model.find('input', e.name) ?? this.model.find('let', e.name);
      if (def?.label) return this.zh ? `“${def.label}”` : `"${def.label}"`;
    }
    const src = this.model.source;
    const raw = src && e.span.end > e.span.start && e.span.end <= src.length ? src.slice(e.span.start, e.span.end) : exprText(e);
    return raw.replace(/\s+/g, ' ');
  }

  private points(n: A.Num): string {
    return this.zh ? `${n.text} 分` : `${n.text} point${n.text === '1' ? '' : 's'}`;
  }

  rule(item: A.Item): string {
    const r = item.rule;
    const zh = this.zh;
    const max = item.max?.text ?? item.cap?.value.text;
    switch (r.kind) {
      case 'Points':
        return r.lines
          .map((l) => (zh ? `${this.text(l.cond)}${l.deduct ? '扣' : '得'} ${this.points(l.points)}` : `${l.deduct ? '−' : ''}${this.points(l.points)} if ${this.text(l.cond)}`))
          .join(zh ? '；' : '; ');
      case 'Deduct':
        return zh
          ? `${this.text(r.count)}每次扣 ${this.points(r.amount)}${r.max ? `，最多扣 ${this.points(r.max)}` : '，扣完为止'}`
          : `${this.points(r.amount)} off per ${this.text(r.count)}${r.max ? `, at most ${this.points(r.max)} off` : ', down to 0'}`;
      case 'Ratio': {
        const zero = r.ifZero ? (zh ? `；目标为 0 时得 ${this.text(r.ifZero)} 分` : `; a target of 0 scores ${this.text(r.ifZero)}`) : '';
        return zh ? `按完成比例计分：${max ?? 'M'} × ${this.text(r.done)} / ${this.text(r.target)}，不超过满分${zero}` : `in proportion to completion: ${max ?? 'M'} × ${this.text(r.done)} / ${this.text(r.target)}, at most the max${zero}`;
      }
      case 'RankPoints':
        return zh ? `按名次${this.text(r.rank)}计分：第一名得 ${this.points(r.first)}，每降一名扣 ${this.points(r.step)}，扣完为止` : `by place ${this.text(r.rank)}: first place ${this.points(r.first)}, ${this.points(r.step)} less per place, down to 0`;
      case 'RankScored':
        return zh
          ? `按${this.text(r.by)}${r.dir === 'asc' ? '从低到高' : '从高到低'}排名计分：第一名得满分，最后一名得 0 分，其余按名次等差计分`
          : `by rank of ${this.text(r.by)} (${r.dir === 'asc' ? 'lowest' : 'highest'} first): the first scores the max, the last 0, the others evenly between`;
      case 'Tiers': {
        const tiers = r.tiers.map((t) => (zh ? `${t.member.name} ${this.points(t.points)}` : `${t.member.name} ${this.points(t.points)}`)).join(zh ? '、' : ', ');
        const filters = r.filters.map((f) => {
          if (f.kind === 'With') return zh ? `须有${this.fieldLabel(f.field.name)}` : `only with ${this.fieldLabel(f.field.name)}`;
          if (f.kind === 'Where') return zh ? `限${this.text(f.cond)}` : `only where ${this.text(f.cond)}`;
          return zh ? `同一${this.fieldLabel(f.field.name)}按最高计` : `each ${this.fieldLabel(f.field.name)} once, at its highest`;
        });
        const per = r.source && this.isList(r.source) ? (zh ? '每项' : 'each entry: ') : '';
        const head = zh ? `${per}${tiers}` : `${per}${tiers}`;
        return [head, ...filters].join(zh ? '，' : ', ');
      }
      case 'Formula':
        return zh ? `按${this.text(r.expr)}计分` : `scored as ${this.text(r.expr)}`;
    }
  }

  modifiers(item: A.Item): string[] {
    const zh = this.zh;
    const out: string[] = [];
    if (item.cap) {
      const c = item.cap.value.text;
      out.push(item.cap.prorata ? (zh ? `累计超过 ${c} 分的，最高者计 ${c} 分，其余按比例折算` : `above ${c} in all, the highest unit gets ${c} and the others are scaled in proportion`) : zh ? `最高 ${c} 分` : `at most ${c}`);
    }
    for (const v of item.voids) out.push(zh ? `${this.text(v)}的，本项计 0 分` : `0 if ${this.text(v)}`);
    for (const v of item.notApplicable) out.push(zh ? `${this.text(v)}的，本项不适用，不计入所在小节` : `not scored if ${this.text(v)} (left out of its section)`);
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
