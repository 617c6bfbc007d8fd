// The published rules table (考核细则表) of a scheme, built once from its semantic model and
// rendered four ways elsewhere (HTML, Markdown, XLSX, DOCX): 考核项目 | 分值 | 考核内容及评分标准,
// each section a merged row above its items, then bonuses, penalties, eligibility, vetoes,
// the total's adjustments, grades and the named values rules use. Each rule is the sentence
// hover shows (sentences.ts), in the language of the scheme's own words.
import type * as A from '../ast/ast.js';
import type { Lang } from '../common/text.js';
import type { SemanticModel } from './model.js';
import { conditionSentence, ofZh as of, ruleSentence } from './sentences.js';

export interface RulesTable {
  lang: Lang;
  /** The scheme's name. */
  title: string;
  /** 考核项目 | 分值 | 考核内容及评分标准. */
  header: [string, string, string];
  /** Lines under the title: the total, rounding, where places are taken. */
  notes: string[];
  groups: RulesGroup[];
}

export interface RulesGroup {
  /** The merged row above the group (`一、定性考核（10 分）`); none for items outside sections. */
  heading?: string;
  /** 0 for a top-level section, 1 for a section inside it, … */
  depth: number;
  rows: RulesRow[];
}

export interface RulesRow {
  item: string;
  points: string;
  rule: string;
}

const WORDS = {
  zh: {
    header: ['考核项目', '分值', '考核内容及评分标准'] as [string, string, string],
    total: (t: string) => `满分 ${t} 分。`,
    precision: (p: string, totalOnly: boolean) => (totalOnly ? `总分保留 ${p} 位小数（四舍五入）。` : `各项得分保留 ${p} 位小数（四舍五入）。`),
    within: (k: string) => `按${k}分组，组内排名、计算名次。`,
    floor: (f: string) => `总分最低 ${f} 分。`,
    points: (p: string) => `（${p} 分）`,
    weight: (w: string) => `（权重 ${w}）`,
    bonuses: '加分项目',
    penalties: '减分项目',
    eligible: '参评条件',
    eligibleRule: (c: string) => `${of(c)}单位参加考核。`,
    vetoes: '一票否决',
    vetoRule: (c: string) => `${of(c)}，实行一票否决。`,
    adjusts: '总分调整',
    adjust: '调整系数',
    adjustRule: (f: string) => `总分 × ${f}。`,
    grades: '等级评定',
    gradeIf: (c: string, quota?: string) => `${c}${quota ? `，名额不超过 ${quota}` : ''}。`,
    gradeVeto: '被一票否决的。',
    gradeIneligible: '不参加考核的。',
    gradeOtherwise: '其余。',
    gradeNote: '（自上而下依次判定）',
    lets: '计算口径',
    none: '—',
  },
  en: {
    header: ['item', 'points', 'what is assessed and how it is scored'] as [string, string, string],
    total: (t: string) => `Out of ${t} points.`,
    precision: (p: string, totalOnly: boolean) => (totalOnly ? `The total is rounded to ${p} places (half up).` : `Every score is rounded to ${p} places (half up).`),
    within: (k: string) => `Units are ranked and placed within groups of ${k}.`,
    floor: (f: string) => `The total is never below ${f}.`,
    points: (p: string) => ` (${p} points)`,
    weight: (w: string) => ` (weight ${w})`,
    bonuses: 'Bonuses',
    penalties: 'Penalties',
    eligible: 'Who is assessed',
    eligibleRule: (c: string) => `Units where ${c}.`,
    vetoes: 'One-vote vetoes',
    vetoRule: (c: string) => `Vetoed if ${c}.`,
    adjusts: 'Adjusting the total',
    adjust: 'factor',
    adjustRule: (f: string) => `The total × ${f}.`,
    grades: 'Grades',
    gradeIf: (c: string, quota?: string) => `If ${c}${quota ? `, at most ${quota} units` : ''}.`,
    gradeVeto: 'A unit vetoed.',
    gradeIneligible: 'A unit not assessed.',
    gradeOtherwise: 'Otherwise.',
    gradeNote: ' (the first line that holds)',
    lets: 'Values the rules use',
    none: '—',
  },
};

const HAN = /\p{Script=Han}/u;

/**
 * The language of the scheme's own words (its name and labels): a rules table is read by the
 * people the labels were written for, whatever the keywords' spelling.
 */
export function schemeLanguage(model: SemanticModel): Lang {
  const ast = model.ast;
  const words = [ast.name?.text ?? '', ...ast.sections.map((s) => s.label.text), ...model.ofKind('input', 'item', 'bonus').map((d) => d.label ?? d.name)];
  return words.some((w) => HAN.test(w)) ? 'zh' : 'en';
}

/** `一、` … `十、` for top-level sections, `（一）` below them; `1.` and `1.1` in English. */
function numbering(lang: Lang, path: number[]): string {
  if (lang === 'en') return `${path.join('.')}. `;
  const n = path[path.length - 1];
  const digits = '零一二三四五六七八九';
  const cn = n <= 10 ? (n === 10 ? '十' : digits[n]) : n < 20 ? `十${digits[n - 10]}` : String(n);
  return path.length === 1 ? `${cn}、` : `（${cn}）`;
}

/** A label that already starts with a number (`1.机构设置`, `一、定性`) keeps its own. */
const NUMBERED = /^[\d一二三四五六七八九十]+[、.．)）]/;

export function rulesTable(model: SemanticModel, lang: Lang = schemeLanguage(model)): RulesTable {
  const w = WORDS[lang];
  const ast = model.ast;
  const item = (it: A.Item): RulesRow => ({ item: it.label.text, points: it.max?.text ?? it.cap?.value.text ?? w.none, rule: ruleSentence(model, it, lang) });
  const cond = (e: A.Expr) => conditionSentence(model, e, lang);
  const groups: RulesGroup[] = [];
  if (ast.items.length > 0) groups.push({ depth: 0, rows: ast.items.map(item) });
  const section = (s: A.Section, path: number[]) => {
    const label = s.label.text;
    const size = s.weight ? w.weight(s.weight.text) : s.max ? w.points(s.max.text) : '';
    groups.push({ heading: `${NUMBERED.test(label) ? '' : numbering(lang, path)}${label}${size}`, depth: path.length - 1, rows: s.items.map(item) });
    s.sections.forEach((sub, i) => section(sub, [...path, i + 1]));
  };
  ast.sections.forEach((s, i) => section(s, [i + 1]));
  const group = (heading: string, rows: RulesRow[]) => {
    if (rows.length > 0) groups.push({ heading, depth: 0, rows });
  };
  group(w.bonuses, ast.bonuses.map(item));
  group(w.penalties, ast.penalties.map(item));
  group(w.eligible, ast.eligible ? [{ item: w.eligible, points: w.none, rule: w.eligibleRule(cond(ast.eligible.cond)) }] : []);
  group(
    w.vetoes,
    ast.vetoes.map((v) => ({ item: v.reason.text, points: w.none, rule: w.vetoRule(cond(v.cond)) })),
  );
  group(
    w.adjusts,
    ast.adjusts.map((a) => ({ item: w.adjust, points: w.none, rule: w.adjustRule(cond(a.factor)) })),
  );
  group(w.grades + w.gradeNote, (ast.grades?.lines ?? []).map((l) => ({ item: l.label.text, points: w.none, rule: gradeRule(l, cond, w) })));
  group(
    w.lets,
    model.ofKind('let').flatMap((d) => {
      const value = letValue(ast, d.name);
      return value ? [{ item: d.label ?? d.name, points: w.none, rule: `${d.name} = ${cond(value)}` }] : [];
    }),
  );
  return { lang, title: ast.name?.text ?? model.file ?? '', header: w.header, notes: notes(ast, lang), groups };
}

function gradeRule(l: A.GradeLine, cond: (e: A.Expr) => string, w: (typeof WORDS)[Lang]): string {
  switch (l.kind) {
    case 'IfGrade':
      return w.gradeIf(cond(l.cond), l.quota?.text);
    case 'VetoGrade':
      return w.gradeVeto;
    case 'IneligibleGrade':
      return w.gradeIneligible;
    case 'OtherwiseGrade':
      return w.gradeOtherwise;
  }
}

/** A named value's expression, wherever it is declared. */
function letValue(ast: A.Scheme, name: string): A.Expr | undefined {
  const inSections = (ss: A.Section[]): A.Let[] => ss.flatMap((s) => [...s.lets, ...inSections(s.sections)]);
  return [...ast.lets, ...inSections(ast.sections)].find((l) => l.name.name === name)?.value;
}

function notes(ast: A.Scheme, lang: Lang): string[] {
  const w = WORDS[lang];
  const out: string[] = [];
  if (ast.total) out.push(w.total(ast.total.text));
  if (ast.precision) out.push(w.precision(ast.precision.text, ast.roundTotalOnly === true));
  if (ast.floor) out.push(w.floor(ast.floor.text));
  if (ast.within) out.push(w.within(ast.within.key.kind === 'Name' ? ast.within.key.name : lang === 'zh' ? '单位类型' : 'kind'));
  return out;
}
