// fast-check arbitraries that produce valid Assess schemes, for property tests
// (formatter round trips, "the parser never throws", evaluation invariants, …).
//
// A scheme is generated in two steps:
//   1. a model (`SchemeModel`): every declaration as a list of pieces (keywords by token name,
//      names, numbers, labels, punctuation), plus facts about it (inputs, labels, totals) that
//      tests can use, e.g. to generate data for the inputs (`unitData`);
//   2. a rendering (`renderScheme`) in a style: keyword spellings (English, Chinese or any mix),
//      a neat or a random layout, optional commas kept or left out, full-width punctuation,
//      comments in random places, CRLF line ends. Rendering is deterministic (seeded).
//
// Validity: the text parses without diagnostics, and the scheme follows the reference:
// names resolve, every name has the right type for where it is used, item maxima add up to
// their section's max and the sections (with top-level items) to the total, or every section
// has a weight and the weights add up to 100%; optional fields are read with `?? fallback`;
// a division is by a non-zero number; a tier table with no source names members of exactly one
// enum; a formula reads only the scores of items and sections complete before it (no cycles),
// `eligible if` and `within` only the unit's own inputs; a floor is below the total; a
// deduction per occurrence comes after a block's other lines (its amounts take commas); sections
// nest, their parts adding up to them or weighted to 100% at every level. Two things are not
// guaranteed: `use` declarations (option `imports`) name files that do not exist, and the
// values in `expect` lines are arbitrary (not what the scheme computes).
import fc from 'fast-check';
import { KEYWORDS } from '@assess/core';

// ── pieces ──────────────────────────────────────────────────────────
export type Piece =
  /** A keyword, by its token name in `KEYWORDS` (`If`, `Max`, …): spelled by the renderer. */
  | { t: 'kw'; kw: string }
  | { t: 'id'; text: string }
  /** A number as written: `12`, `2.5`, `40%`, `1.5亿`, `-5`. */
  | { t: 'num'; text: string }
  /** A quoted label; `text` is without the quotes. */
  | { t: 'str'; text: string }
  /** Punctuation or an operator; `optional` commas may be left out by the renderer. */
  | { t: 'p'; text: string; optional?: boolean }
  /** Layout hints for the neat layout: a line break, one more or one less indentation level. */
  | { t: 'nl' }
  | { t: 'in' }
  | { t: 'out' };

const KW_NAMES = new Set(KEYWORDS.map((k) => k.name));
const kw = (name: string): Piece => {
  if (!KW_NAMES.has(name)) throw new Error(`arbitrary: unknown keyword ${name}`);
  return { t: 'kw', kw: name };
};
const id = (text: string): Piece => ({ t: 'id', text });
const num = (text: string): Piece => ({ t: 'num', text });
const str = (text: string): Piece => ({ t: 'str', text });
const p = (text: string, optional = false): Piece => ({ t: 'p', text, optional });
const NL: Piece = { t: 'nl' };
const IN: Piece = { t: 'in' };
const OUT: Piece = { t: 'out' };

// ── the model ───────────────────────────────────────────────────────
export type TypeSpec =
  | { kind: 'yesno' }
  | { kind: 'count' }
  | { kind: 'integer'; range?: [number, number] }
  | { kind: 'number'; range?: [number, number]; bare?: boolean }
  | { kind: 'percent' }
  | { kind: 'text' }
  | { kind: 'grade' }
  | { kind: 'enum'; members: string[] }
  | { kind: 'list'; fields: FieldSpec[] };

export interface FieldSpec {
  name: string;
  type: TypeSpec;
  label?: string;
  optional: boolean;
}

export type DeclKind = 'header' | 'use' | 'unit' | 'input' | 'let' | 'section' | 'item' | 'bonus' | 'penalty' | 'veto' | 'grade' | 'adjust' | 'eligible' | 'within' | 'place' | 'example';

export interface Decl {
  kind: DeclKind;
  pieces: Piece[];
}

export interface SchemeModel {
  /** The language of names and labels (keywords are chosen by the rendering style). */
  lang: 'en' | 'zh';
  name: string;
  /** Full marks, as written. */
  total: string;
  precision?: number;
  mode: 'max' | 'weight';
  units: { name: string; label?: string }[];
  inputs: FieldSpec[];
  /** Sections at the top level, each with the sections it holds. */
  sections: SectionModel[];
  /** Items outside any section. */
  items: { label: string; max: string }[];
  bonuses: string[];
  penalties: string[];
  /** The lowest total (`floor F` in the header). */
  floor?: string;
  /** Whether the scheme says who is assessed (`eligible if`), and assesses groups apart (`within`). */
  eligible: boolean;
  within: boolean;
  vetoes: string[];
  grades: string[];
  examples: string[];
  decls: Decl[];
}

export interface SectionModel {
  label: string;
  max?: string;
  weight?: string;
  /** What it is scored out of: its max, the sum of its parts' scales, or 100 when its parts are weighted. */
  scale: string;
  items: { label: string; max: string }[];
  sections: SectionModel[];
}

export interface SchemeOptions {
  /** Include `use "….assess" as x` declarations (the files do not exist). Default false. */
  imports?: boolean;
  /** Include examples. Default true. */
  examples?: boolean;
  /** Put the declarations after the header in a random order. Default false. */
  shuffle?: boolean;
  /** Bounds on the size. */
  minSections?: number;
  maxSections?: number;
  maxItemsPerSection?: number;
  /** Nesting depth of generated expressions. Default 2. */
  maxDepth?: number;
}

// ── random choices ──────────────────────────────────────────────────
/** What the generator needs from a source of randomness. */
export interface Rand {
  int(min: number, max: number): number;
}

class Gen {
  constructor(private readonly r: Rand) {}
  int(min: number, max: number): number {
    return this.r.int(min, max);
  }
  /** true with the given chance, in percent. */
  chance(percent: number): boolean {
    return this.r.int(0, 99) < percent;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.r.int(0, xs.length - 1)];
  }
  shuffle<T>(xs: T[]): T[] {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.r.int(0, i);
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
}

/** A small seeded PRNG (mulberry32), for deterministic rendering and standalone generation. */
export function seededRand(seed: number): Rand {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (min, max) => min + Math.floor(next() * (max - min + 1)) };
}

// ── names and labels ────────────────────────────────────────────────
type Role = 'yn' | 'cnt' | 'num' | 'done' | 'target' | 'rank' | 'enum' | 'list' | 'text' | 'pct' | 'int' | 'grade' | 'coef' | 'let' | 'key' | 'evidence' | 'amount' | 'alias';

const NAMES: Record<Role, [string[], string[]]> = {
  yn: [
    ['org_system', 'targets_split', 'has_ledger', 'signage_ok', 'deficit_budget', 'false_report', 'monthly_study'],
    ['组织体系', '目标分解', '台账齐全', '标识规范', '赤字预算', '虚报瞒报', '按月学习'],
  ],
  cnt: [
    ['missing_reports', 'violations', 'complaints', 'late_reports'],
    ['少报次数', '违规次数', '投诉件数', '迟报次数'],
  ],
  num: [
    ['dept_score', 'sales', 'investment', 'satisfaction', 'area_m2', 'growth'],
    ['部门得分', '销售额', '投资额', '满意度', '面积', '增长率'],
  ],
  done: [['done', 'completed'], ['完成值', '实际完成']],
  target: [['target', 'planned'], ['目标值', '计划任务']],
  rank: [['rank_r', 'standing'], ['排名值', '名次数']],
  enum: [['level', 'size_class', 'zone'], ['级别', '规模', '片区']],
  list: [['honors', 'awards', 'leaves'], ['荣誉', '奖项', '请假记录']],
  text: [['remark', 'contact'], ['备注', '联系人']],
  pct: [['coverage', 'pass_rate'], ['覆盖率', '合格率']],
  int: [['staff', 'ledgers'], ['人员数', '台账数']],
  grade: [['last_grade', 'prior_grade'], ['上年结果', '原有称号']],
  coef: [['coef', 'difficulty'], ['系数', '难度']],
  let: [['rate', 'growth_rate', 'weighted', 'base_pts'], ['完成率', '增速', '加权值', '基础分']],
  key: [['project', 'title'], ['项目', '名目']],
  evidence: [['evidence', 'proof'], ['佐证', '证明']],
  amount: [['amount', 'days'], ['金额', '天数']],
  alias: [['agri', 'dept'], ['农业', '部门']],
};

const MEMBERS: [string[][], string[][]] = [
  [
    ['district', 'city', 'province', 'national'],
    ['small', 'medium', 'large'],
    ['low', 'mid', 'high'],
    ['a_class', 'b_class', 'c_class'],
  ],
  [
    ['区级', '市级', '省级', '国家级'],
    ['小型', '中型', '大型'],
    ['低档', '中档', '高档'],
    ['甲类', '乙类', '丙类'],
  ],
];

const UNIT_KINDS: [string[], string[]] = [
  ['town', 'township', 'subdistrict', 'village'],
  ['镇', '乡镇', '街道', '村'],
];
const UNIT_LABELS = ['镇（区）', '乡镇', '街道', '村（社区）'];

const LABELS: Record<'scheme' | 'section' | 'item' | 'bonus' | 'penalty' | 'veto' | 'grade' | 'example' | 'unitName', string[]> = {
  scheme: ['新一轮农村实事工程考核（镇）', '乡镇财政所规范化考核', 'Township finance offices', '社区劳动保障站考核'],
  section: ['定性考核', '定量考核', '工作实绩', '组织保障', '群众满意度', 'Quality', '现状', '改善'],
  item: ['组织领导', '材料报送', '部门考核', '目标完成', '名次得分', '台账管理', '面积达标', '销售额', 'Reports on time', 'item # with hash', '“引号”外'],
  bonus: ['项目加分', '创新加分', 'Extra points'],
  penalty: ['通报批评', '安全事故', 'Late filing', '信访问题'],
  veto: ['编制赤字预算', '受到通报批评', 'concealed reporting', '人员违纪'],
  grade: ['规范化单位', '保持称号', '下年重新考评', '不予命名', 'excellent', '合格'],
  example: ['two missing reports, one provincial honour', '全部达标', 'cohort # prorata', '边界情况'],
  unitName: ['甲镇', '乙镇', '丙镇', '丁镇'],
};

class Names {
  private used = new Set<string>();
  constructor(
    private readonly g: Gen,
    private readonly zh: boolean,
  ) {}
  fresh(role: Role): string {
    return this.unique(this.g.pick(NAMES[role][this.zh ? 1 : 0]));
  }
  members(index: number): string[] {
    const sets = MEMBERS[this.zh ? 1 : 0];
    const base = sets[index % sets.length];
    const suffix = index >= sets.length ? String(Math.floor(index / sets.length) + 1) : '';
    return base.map((m) => this.unique(m + suffix));
  }
  unitKind(): string {
    return this.unique(this.g.pick(UNIT_KINDS[this.zh ? 1 : 0]));
  }
  private unique(base: string): string {
    let name = base;
    for (let i = 2; this.used.has(name); i++) name = `${base}${this.zh ? '' : '_'}${i}`;
    this.used.add(name);
    return name;
  }
}

class Labels {
  private used = new Set<string>();
  constructor(private readonly g: Gen) {}
  fresh(kind: keyof typeof LABELS): string {
    const base = this.g.pick(LABELS[kind]);
    let label = base;
    for (let i = 2; this.used.has(label); i++) label = `${base}${i}`;
    this.used.add(label);
    return label;
  }
}

// ── numbers ─────────────────────────────────────────────────────────
/** Tenths → a decimal as written: 25 → `2.5`, 30 → `3`. */
function tenths(t: number): string {
  const neg = t < 0;
  const a = Math.abs(t);
  const s = a % 10 === 0 ? String(a / 10) : `${Math.floor(a / 10)}.${a % 10}`;
  return neg ? `-${s}` : s;
}

// ── scopes ──────────────────────────────────────────────────────────
interface ListInfo {
  name: string;
  key: string;
  level: string;
  members: string[];
  evidence: string;
  amount: string;
}

interface Scope {
  nums: Piece[][];
  bools: Piece[][];
  enums: { ref: Piece[]; members: string[] }[];
  texts: Piece[][];
  lists: ListInfo[];
  /** Unit kinds, when there are several (`unit = township`). */
  units: string[];
  lets: string[];
  /** Scores that may be read here (`item "x"`, `section "y"`, `bonus`): those of items and sections already complete. */
  scores: Piece[][];
  /** Whether values across units (ranks, aggregates, `cohort size`) may be read here. */
  across: boolean;
}

function ref(f: FieldSpec, fallback: Piece): Piece[] {
  return f.optional ? [id(f.name), p('??'), fallback] : [id(f.name)];
}

// ── the generator ───────────────────────────────────────────────────
class SchemeGen {
  readonly g: Gen;
  readonly names: Names;
  readonly labels: Labels;
  readonly zh: boolean;
  readonly depth: number;
  scope!: Scope;
  entryScopes = new Map<string, Scope>();
  rankField!: string;
  doneField!: string;
  targetField!: string;
  countFields: Piece[][] = [];
  coefField?: string;
  gradeLabels: string[] = [];
  /** The fewest places a `round` of the current item may have (its max has that many decimals). */
  roundMin = 0;
  /** Unit kinds when there are several: every row of data says its `unit`. */
  unitKinds: string[] = [];
  itemLabels: string[] = [];
  sectionLabels: string[] = [];
  bonusLabels: string[] = [];
  penaltyLabels: string[] = [];
  /** Scores complete so far, that later items may read. */
  scores: Piece[][] = [];

  constructor(
    r: Rand,
    readonly opts: SchemeOptions,
  ) {
    this.g = new Gen(r);
    this.zh = this.g.chance(50);
    this.names = new Names(this.g, this.zh);
    this.labels = new Labels(this.g);
    this.depth = opts.maxDepth ?? 2;
  }

  // ── inputs ────────────────────────────────────────────────────────
  inputs(withGrades: boolean): FieldSpec[] {
    const g = this.g;
    const fields: FieldSpec[] = [];
    const label = (chance: number) => (g.chance(chance) ? this.labels.fresh('item') + '（数据）' : undefined);
    const add = (f: FieldSpec) => {
      fields.push(f);
      return f;
    };
    let enums = 0;
    add({ name: this.names.fresh('yn'), type: { kind: 'yesno' }, label: label(60), optional: false });
    add({ name: this.names.fresh('yn'), type: { kind: 'yesno' }, label: label(40), optional: false });
    add({ name: this.names.fresh('cnt'), type: { kind: 'count' }, label: label(50), optional: false });
    add({ name: this.names.fresh('num'), type: { kind: 'number', range: [0, 90], bare: g.chance(50) }, label: label(50), optional: false });
    this.doneField = add({ name: this.names.fresh('done'), type: { kind: 'number', range: g.chance(50) ? [0, 1000] : undefined }, label: label(30), optional: false }).name;
    this.targetField = add({ name: this.names.fresh('target'), type: { kind: 'number', range: [0, 1000] }, label: label(30), optional: false }).name;
    this.rankField = add({ name: this.names.fresh('rank'), type: { kind: 'integer', range: [1, 30] }, label: label(30), optional: false }).name;
    add({ name: this.names.fresh('enum'), type: { kind: 'enum', members: this.names.members(enums++) }, label: label(40), optional: false });
    const listMembers = this.names.members(enums++);
    add({
      name: this.names.fresh('list'),
      type: {
        kind: 'list',
        fields: [
          { name: this.names.fresh('key'), type: { kind: 'text' }, optional: false },
          { name: this.names.fresh('enum'), type: { kind: 'enum', members: listMembers }, optional: false },
          { name: this.names.fresh('evidence'), type: { kind: 'text' }, optional: true, label: label(30) },
          { name: this.names.fresh('amount'), type: { kind: 'number', range: [0, 31] }, optional: false },
        ],
      },
      label: label(30),
      optional: false,
    });
    // A grade input is read in grade lines, compared with labels: never optional (no fallback needed).
    if (withGrades && g.chance(60)) add({ name: this.names.fresh('grade'), type: { kind: 'grade' }, label: label(40), optional: false });
    if (g.chance(50)) this.coefField = add({ name: this.names.fresh('coef'), type: { kind: 'number', range: [0.5, 1.5] }, label: label(40), optional: false }).name;
    const extras = g.int(0, 4);
    for (let i = 0; i < extras; i++) {
      const kind = g.pick(['yesno', 'count', 'integer', 'number', 'percent', 'text', 'enum'] as const);
      const optional = g.chance(30);
      switch (kind) {
        case 'yesno':
          add({ name: this.names.fresh('yn'), type: { kind }, label: label(50), optional });
          break;
        case 'count':
          add({ name: this.names.fresh('cnt'), type: { kind }, label: label(50), optional });
          break;
        case 'integer':
          add({ name: this.names.fresh('int'), type: { kind, range: g.chance(50) ? [0, g.int(1, 50)] : undefined }, label: label(50), optional });
          break;
        case 'number':
          add({ name: this.names.fresh('num'), type: { kind, range: g.chance(50) ? [-5, g.int(1, 100)] : undefined }, label: label(50), optional });
          break;
        case 'percent':
          add({ name: this.names.fresh('pct'), type: { kind }, label: label(50), optional });
          break;
        case 'text':
          add({ name: this.names.fresh('text'), type: { kind }, label: label(50), optional: false });
          break;
        case 'enum':
          add({ name: this.names.fresh('enum'), type: { kind, members: this.names.members(enums++) }, label: label(50), optional: false });
          break;
      }
    }
    return g.chance(30) ? [...fields.slice(0, 2), ...g.shuffle(fields.slice(2))] : fields;
  }

  buildScope(inputs: FieldSpec[], units: string[]): Scope {
    const s: Scope = { nums: [], bools: [], enums: [], texts: [], lists: [], units, lets: [], scores: this.scores, across: true };
    for (const f of inputs) {
      const t = f.type;
      switch (t.kind) {
        case 'yesno':
          s.bools.push(ref(f, kw('No')));
          break;
        case 'count':
          s.nums.push(ref(f, num('0')));
          this.countFields.push(ref(f, num('0')));
          break;
        case 'integer':
        case 'number':
        case 'percent':
          s.nums.push(ref(f, num('0')));
          break;
        case 'text':
          s.texts.push([id(f.name)]);
          break;
        case 'enum':
          s.enums.push({ ref: [id(f.name)], members: t.members });
          break;
        case 'list': {
          const [key, level, evidence, amount] = t.fields;
          const info: ListInfo = { name: f.name, key: key.name, level: level.name, members: (level.type as { members: string[] }).members, evidence: evidence.name, amount: amount.name };
          s.lists.push(info);
          this.entryScopes.set(f.name, {
            nums: [[id(amount.name)]],
            bools: [],
            enums: [{ ref: [id(level.name)], members: info.members }],
            texts: [[id(key.name)]],
            lists: [],
            units: [],
            lets: [],
            scores: [],
            across: false,
          });
          break;
        }
      }
    }
    return s;
  }

  // ── literals ──────────────────────────────────────────────────────
  numLit(): Piece {
    const g = this.g;
    return num(g.pick([String(g.int(0, 100)), tenths(g.int(1, 200)), `${g.int(1, 99)}%`, '12.5%', `${g.int(1, 9)}000万`, `${tenths(g.int(1, 50))}亿`]));
  }
  posLit(): Piece {
    return num(this.g.pick([String(this.g.int(1, 100)), tenths(this.g.int(1, 200)), `${this.g.int(1, 99)}%`]));
  }

  // ── expressions ───────────────────────────────────────────────────
  numAtom(s: Scope): Piece[] {
    const g = this.g;
    const refs = [...s.nums, ...s.lets.map((l) => [id(l)])];
    if (s.scores.length > 0 && g.chance(12)) return g.pick(s.scores);
    if (s.across && g.chance(3)) return [kw('CohortSize')];
    if (refs.length === 0 || g.chance(20)) return [this.numLit()];
    return g.pick(refs);
  }

  /** A yes/no of the scope, parenthesised when it has a fallback (`(x ?? no)`). */
  boolAtom(s: Scope): Piece[] {
    const b = this.g.pick(s.bools);
    return b.length > 1 ? [p('('), ...b, p(')')] : b;
  }

  /**
   * `fn of X across units` or `across units X of fn`, with the words of `fn` in each order
   * (`max`; `top 3 avg`; `percentile 80` before, `80 percentile` after).
   */
  across(before: Piece[], after: Piece[], value: Piece[], where: Piece[]): Piece[] {
    const agg = this.g.chance(50) ? [...before, kw('Of'), ...value, kw('Across'), ...where] : [kw('Across'), ...value, kw('Of'), ...after, ...where];
    // A `where` reads as far as it can: in parentheses, what follows stays outside it.
    return where.length > 0 ? [p('('), ...agg, p(')')] : agg;
  }

  numExpr(s: Scope, depth: number): Piece[] {
    const g = this.g;
    if (depth <= 0 || g.chance(35)) return this.numAtom(s);
    const d = depth - 1;
    const kinds = ['bin', 'bin', 'div', 'paren', 'neg', 'minmax', 'round', 'bands', 'linear', 'if'];
    if (s.across) kinds.push('cohort', 'rank', 'percentile');
    if (s.lists.length > 0) kinds.push('agg', 'agg', 'perEntry');
    if (s.enums.length > 0) kinds.push('bandsEnum');
    if (s.units.length > 0) kinds.push('bandsUnit');
    if (s.bools.length > 0) kinds.push('yesno', 'bandsYesNo');
    switch (g.pick(kinds)) {
      case 'bin':
        return [...this.numExpr(s, d), p(g.pick(['+', '-', '*', '*'])), ...this.numExpr(s, d)];
      case 'div':
        return [...this.numExpr(s, d), p('/'), this.posLit()];
      case 'paren':
        return [p('('), ...this.numExpr(s, d), p(')')];
      case 'neg':
        return [p('-'), ...this.numAtomOrParen(s, d)];
      case 'minmax': {
        const args = [this.numExpr(s, d), this.numExpr(s, d)];
        if (g.chance(30)) args.push(this.numExpr(s, d));
        return [kw(g.pick(['Max', 'Min'])), p('('), ...args.flatMap((a, i) => (i === 0 ? a : [p(','), ...a])), p(')')];
      }
      case 'round':
        return [kw('Round'), p('('), ...this.numExpr(s, d), p(','), num(String(g.int(0, 2))), p(')')];
      case 'agg': {
        const list = g.pick(s.lists);
        const es = this.entryScopes.get(list.name)!;
        const where = g.chance(50) ? [kw('Where'), ...this.cond(es, 1)] : [];
        if (g.chance(40)) return [kw('Count'), p('('), id(list.name), ...where, p(')')];
        return [kw(g.pick(['Sum', 'Avg', 'Min', 'Max', 'Median'])), p('('), id(list.name), p('.'), id(list.amount), ...where, p(')')];
      }
      case 'bands': {
        const n = g.int(1, 3);
        let at = g.int(0, 10);
        const out: Piece[] = [kw('Bands'), ...this.subject(s, d), p('{')];
        // A threshold is a number, or now and then a named value or an input.
        const named = [...s.lets, ...s.nums.filter((r) => r.length === 1 && r[0].t === 'id').map((r) => (r[0] as { text: string }).text)];
        for (let i = 0; i < n; i++) {
          at += g.int(1, 20);
          const threshold = named.length > 0 && g.chance(25) ? id(g.pick(named)) : num(String(at));
          out.push(p(g.pick(['<', '<=', '>='])), threshold, p(':'), ...this.numExpr(s, d - 1), p(','));
        }
        out.push(kw('Otherwise'), p(':'), this.numLit(), p('}'));
        return out;
      }
      case 'bandsEnum': {
        const e = g.pick(s.enums);
        const out: Piece[] = [kw('Bands'), ...e.ref, p('{')];
        for (const m of e.members.slice(0, g.int(1, e.members.length))) out.push(id(m), p(':'), this.numLit(), p(','));
        out.push(kw('Otherwise'), p(':'), this.numLit(), p('}'));
        return out;
      }
      case 'bandsUnit': {
        const out: Piece[] = [kw('Bands'), kw('Unit'), p('{')];
        s.units.forEach((u, i) => out.push(...(i > 0 ? [p(',')] : []), id(u), p(':'), this.posLit()));
        out.push(p('}'));
        return out;
      }
      case 'linear': {
        let x = g.int(-5, 10);
        const out: Piece[] = [kw('Linear'), ...this.numAtomOrParen(s, d), kw('From'), num(String(x)), p('->'), num(String(g.int(0, 5)))];
        for (let i = g.int(1, 3); i > 0; i--) {
          x += g.int(1, 50);
          out.push(kw('To'), num(String(x)), p('->'), num(String(g.int(0, 20))));
        }
        return out;
      }
      case 'cohort': {
        const fn = g.chance(35) ? [kw('Top'), num(String(g.int(1, 4))), kw(g.pick(['Max', 'Min', 'Avg', 'Sum']))] : [kw(g.pick(['Max', 'Min', 'Avg', 'Median', 'Sum', 'Count']))];
        return this.across(fn, fn, this.numAtomOrParen(s, d), g.chance(30) ? [kw('Where'), ...this.cond(s, 0)] : []);
      }
      case 'percentile': {
        const at = num(String(g.pick([0, 25, 50, 80, 90, 100, g.int(0, 100)])));
        return this.across([kw('Percentile'), at], [at, kw('Percentile')], this.numAtomOrParen(s, d), g.chance(20) ? [kw('Where'), ...this.cond(s, 0)] : []);
      }
      case 'if': {
        // `(if c then a else b)`, sometimes `else if …`: in parentheses, so that it reads the same in any operand.
        const out: Piece[] = [p('('), kw('If'), ...this.cond(s, 0), kw('Then'), ...this.numExpr(s, d), kw('Otherwise')];
        if (g.chance(30)) out.push(kw('If'), ...this.cond(s, 0), kw('Then'), ...this.numExpr(s, d), kw('Otherwise'));
        return [...out, ...this.numExpr(s, d), p(')')];
      }
      case 'yesno':
        // A yes/no counts 1 or 0 where a number is wanted.
        return [num(String(g.int(1, 10))), p('*'), ...this.boolAtom(s)];
      case 'bandsYesNo':
        return [kw('Bands'), ...this.boolAtom(s), p('{'), kw('Yes'), p(':'), this.numLit(), p(','), kw('No'), p(':'), this.numLit(), p('}')];
      case 'perEntry': {
        // A formula for each entry of a list, then aggregated; `where` before or after it.
        const list = g.pick(s.lists);
        const es = this.entryScopes.get(list.name)!;
        const where = g.chance(40) ? [kw('Where'), ...this.cond(es, 0)] : [];
        const before = g.chance(50);
        return [kw(g.pick(['Sum', 'Avg', 'Min', 'Max', 'Median'])), p('('), id(list.name), ...(before ? where : []), p(','), ...this.numExpr(es, 1), ...(before ? [] : where), p(')')];
      }
      case 'rank':
        return [kw('Rank'), kw('By'), ...this.numAtomOrParen(s, d), kw(g.pick(['Desc', 'Asc']))];
    }
    return this.numAtom(s);
  }

  /** What a `bands` block is over: a score in parentheses (`section "x" {` would begin a section). */
  subject(s: Scope, depth: number): Piece[] {
    const e = this.numAtomOrParen(s, depth);
    return e[0].t === 'kw' ? [p('('), ...e, p(')')] : e;
  }

  numAtomOrParen(s: Scope, depth: number): Piece[] {
    return depth > 0 && this.g.chance(30) ? [p('('), ...this.numExpr(s, depth - 1), p(')')] : this.numAtom(s);
  }

  cond(s: Scope, depth: number): Piece[] {
    const g = this.g;
    if (depth > 0 && g.chance(45)) {
      const d = depth - 1;
      switch (g.pick(['not', 'and', 'or', 'paren'])) {
        case 'not':
          return [kw('Not'), ...this.cond(s, d)];
        case 'and':
          return [...this.cond(s, d), kw('And'), ...this.cond(s, d)];
        case 'or':
          return [...this.cond(s, d), kw('Or'), ...this.cond(s, d)];
        default:
          return [p('('), ...this.cond(s, d), p(')')];
      }
    }
    const leaves: (() => Piece[])[] = [() => [...this.numExpr(s, Math.min(depth, 1)), p(g.pick(['<', '<=', '>', '>=', '=', '==', '!='])), this.numLit()]];
    if (s.bools.length > 0) leaves.push(() => g.pick(s.bools), () => g.pick(s.bools));
    if (s.enums.length > 0)
      leaves.push(() => {
        const e = g.pick(s.enums);
        return [...e.ref, p(g.pick(['=', '==', '!='])), id(g.pick(e.members))];
      });
    if (s.texts.length > 0) leaves.push(() => [...g.pick(s.texts), p(g.pick(['=', '!='])), str(this.labels.fresh('unitName'))]);
    if (s.units.length > 0) leaves.push(() => [kw('Unit'), p('='), id(g.pick(s.units))]);
    return g.pick(leaves)();
  }

  /** A condition in a grade line: the total, scores of this unit, a grade input. */
  gradeCond(gradeField: string | undefined, depth: number): Piece[] {
    const g = this.g;
    if (depth > 0 && g.chance(30)) return [...this.gradeCond(gradeField, depth - 1), kw(g.pick(['And', 'Or'])), ...this.gradeCond(gradeField, depth - 1)];
    const cmp = () => p(g.pick(['>=', '>', '<', '<=']));
    const leaves: (() => Piece[])[] = [
      () => [kw('Total'), cmp(), this.posLit()],
      () => (g.chance(50) ? [kw('Place'), p(g.pick(['<=', '<'])), num(String(g.int(1, 5)))] : [kw('Place'), p('<='), kw('CohortSize'), p('/'), num(String(g.int(2, 4)))]),
    ];
    if (this.itemLabels.length > 0) leaves.push(() => [kw('Item'), str(g.pick(this.itemLabels)), cmp(), this.posLit()]);
    if (this.sectionLabels.length > 0) leaves.push(() => [kw('Section'), str(g.pick(this.sectionLabels)), cmp(), this.posLit()]);
    if (this.bonusLabels.length > 0) leaves.push(() => (g.chance(50) ? [kw('Bonus'), cmp(), num('0')] : [kw('Bonus'), str(g.pick(this.bonusLabels)), cmp(), this.posLit()]));
    if (gradeField && this.gradeLabels.length > 0) leaves.push(() => [id(gradeField), p(g.pick(['=', '!='])), str(g.pick(this.gradeLabels))]);
    return g.pick(leaves)();
  }

  // ── rules ─────────────────────────────────────────────────────────
  /** Clauses that go with any rule: `cap`, `round`, `void if`. */
  modifiers(s: Scope, asLines: boolean): Piece[][] {
    const g = this.g;
    const out: Piece[][] = [];
    if (g.chance(25)) out.push([kw('Cap'), this.posLit(), ...(g.chance(40) ? [kw('Prorata')] : [])]);
    if (g.chance(15)) out.push([kw('Round'), num(String(g.int(this.roundMin, 2)))]);
    if (g.chance(20) && s.bools.length > 0) out.push([kw('Void'), kw('If'), ...this.cond(s, asLines ? 1 : 0)]);
    if (g.chance(6)) out.push([kw('NotApplicable'), kw('If'), ...this.cond(s, asLines ? 1 : 0)]);
    return out;
  }

  tierClauses(s: Scope): { head: Piece[][]; clauses: Piece[][] } {
    const g = this.g;
    const tiers = (members: string[]) => g.shuffle(members).slice(0, g.int(1, members.length)).map((m) => [id(m), num(tenths(g.int(1, 100)))]);
    const variant = g.pick(['list', 'list', 'enum', 'none']);
    if (variant === 'list' && s.lists.length > 0) {
      const l = g.pick(s.lists);
      const es = this.entryScopes.get(l.name)!;
      const filters: Piece[][] = [];
      if (g.chance(50)) filters.push([kw('With'), id(l.evidence)]);
      if (g.chance(30)) filters.push([kw('Where'), ...this.cond(es, 1)]);
      if (g.chance(50)) filters.push([kw('BestPer'), id(l.key), ...(g.chance(40) ? [kw('Highest')] : [])]);
      return { head: [[id(l.name)]], clauses: [...filters, ...tiers(l.members)] };
    }
    if (variant === 'enum' && s.enums.length > 0) {
      const e = g.pick(s.enums);
      return { head: [e.ref], clauses: tiers(e.members) };
    }
    // No source: the members of one enum (members are unique across enums).
    const pool = [...s.enums.map((e) => e.members), ...s.lists.map((l) => l.members)];
    const t = tiers(g.pick(pool));
    return { head: [t[0]], clauses: t.slice(1) };
  }

  /** `head, clause, clause`: the commas may be left out by the renderer. */
  joinClauses(head: Piece[], clauses: Piece[][]): Piece[] {
    const out = [...head];
    for (const c of clauses) out.push(p(',', true), ...c);
    return out;
  }

  /**
   * `needsCap`: a bonus without a max needs a bounded rule: points lines, or a `cap`. A penalty
   * gives the points it takes off: points lines, a deduction, or (with a max) a formula.
   */
  ruleBody(s: Scope, kind: 'item' | 'bonus' | 'penalty', needsCap = false, hasMax = true): Piece[] {
    const g = this.g;
    const kinds =
      kind === 'bonus'
        ? ['tiers', 'tiers', 'formula', 'points']
        : kind === 'penalty'
          ? ['points', 'deduct', ...(hasMax ? ['formula'] : [])]
          : ['points', 'points', 'deduct', 'ratio', 'rankPoints', 'rankScored', 'tiers', 'formula'];
    const choice = g.pick(kinds);
    if (choice === 'points') return this.pointsBlock(s, needsCap);
    const mods = this.modifiers(s, false);
    if (needsCap && !mods.some((m) => m[0].t === 'kw' && m[0].kw === 'Cap')) mods.unshift([kw('Cap'), this.posLit(), ...(g.chance(40) ? [kw('Prorata')] : [])]);
    let head: Piece[];
    let clauses: Piece[][] = [];
    switch (choice) {
      case 'deduct':
        head = this.perOccurrence(s);
        break;
      case 'ratio':
        head = [kw('Ratio'), id(this.doneField), p('/'), id(this.targetField)];
        if (g.chance(50)) clauses.push([kw('IfZero'), this.numLit()]);
        break;
      case 'rankPoints':
        head = g.chance(60) ? [kw('Rank'), id(this.rankField)] : [kw('Rank'), kw('By'), ...this.numAtom(s), kw(g.pick(['Desc', 'Asc']))];
        clauses.push([kw('First'), num(String(g.int(10, 60)))], [kw('Step'), num(tenths(g.int(5, 100)))]);
        break;
      case 'rankScored':
        head = [kw('ByRankOf'), ...this.numAtomOrParen(s, 1), kw(g.pick(['Desc', 'Asc']))];
        break;
      case 'tiers': {
        const t = this.tierClauses(s);
        head = t.head[0];
        clauses = t.clauses;
        // `honors with evidence`: no comma after the source, as in the sketch.
        if (clauses.length > 0 && clauses[0][0].t === 'kw' && (clauses[0][0] as { kw: string }).kw === 'With' && g.chance(70)) {
          head = [...head, ...clauses[0]];
          clauses = clauses.slice(1);
        }
        break;
      }
      default:
        head = this.numExpr(s, this.depth);
    }
    return [p(':'), ...this.joinClauses(head, [...clauses, ...mods])];
  }

  /**
   * `deduct K per X` or `per X deduct K`, now and then with several amounts (`deduct 1, 2, 4 per X`:
   * the n-th occurrence costs the n-th amount), and the `, max D` that may go with it.
   */
  perOccurrence(s: Scope): Piece[] {
    const g = this.g;
    const x = this.countFields.length > 0 && g.chance(80) ? g.pick(this.countFields) : this.numAtom(s);
    const amounts: Piece[] = [num(tenths(g.int(1, 50)))];
    for (let i = g.chance(25) ? g.int(1, 2) : 0; i > 0; i--) amounts.push(p(','), num(tenths(g.int(1, 50))));
    const head = g.chance(60) ? [kw('Deduct'), ...amounts, kw('Per'), ...x] : [kw('Per'), ...x, kw('Deduct'), ...amounts];
    return g.chance(40) ? [...head, p(','), kw('Max'), this.posLit()] : head;
  }

  /** `needsCap`: a bonus without a max, whose block may have lines without a highest value. */
  pointsBlock(s: Scope, needsCap = false): Piece[] {
    const g = this.g;
    const lines: Piece[][] = [];
    // Deductions per occurrence come after the other lines: `deduct 1, 2 per x, 3 if y` would read 3 as an amount.
    const perLines: Piece[][] = [];
    for (let i = g.int(0, 4); i > 0; i--) {
      const pts = num(tenths(g.int(1, 60)));
      const kind = g.int(0, 99);
      if (kind < 12) perLines.push(this.perOccurrence(s));
      else if (kind < 25) {
        // Points from a formula, worked out where the line holds (in parentheses unless it starts with a number or a name).
        const e = this.numExpr(s, 1);
        lines.push([...(e[0].t === 'num' || e[0].t === 'id' ? e : [p('('), ...e, p(')')]), kw('If'), ...this.cond(s, this.depth)]);
      } else lines.push(g.chance(20) ? [kw('Deduct'), pts, kw('If'), ...this.cond(s, this.depth)] : [pts, kw('If'), ...this.cond(s, this.depth)]);
    }
    lines.push(...perLines, ...this.modifiers(s, true));
    if (needsCap && !lines.some((l) => l[0].t === 'kw' && l[0].kw === 'Cap')) lines.push([kw('Cap'), this.posLit()]);
    const out: Piece[] = [p('{'), IN];
    lines.forEach((l, i) => out.push(...(i > 0 ? [p(',', true)] : []), NL, ...l));
    out.push(OUT, NL, p('}'));
    return out;
  }

  // ── declarations ──────────────────────────────────────────────────
  typePieces(t: TypeSpec): Piece[] {
    const g = this.g;
    const range = (r: [number, number]) => [num(tenths(r[0] * 10)), p('..'), num(tenths(r[1] * 10))];
    switch (t.kind) {
      case 'yesno':
        return [kw('YesNoType')];
      case 'count':
        return [kw('Count')];
      case 'integer':
        return [kw('IntegerType'), ...(t.range ? range(t.range) : [])];
      case 'number':
        return t.range && t.bare ? range(t.range) : [kw('NumberType'), ...(t.range ? range(t.range) : [])];
      case 'percent':
        return [kw('PercentType')];
      case 'text':
        return [kw('TextType')];
      case 'grade':
        return [kw('Grade')];
      case 'enum':
        return t.members.flatMap((m, i) => (i > 0 ? [p('|'), id(m)] : [id(m)]));
      case 'list':
        return [kw('List'), ...(g.chance(70) ? [kw('Of')] : []), ...this.fieldBlock(t.fields)];
    }
  }

  fieldBlock(fields: FieldSpec[]): Piece[] {
    const out: Piece[] = [p('{'), IN];
    fields.forEach((f, i) => {
      out.push(...(i > 0 ? [p(',', true)] : []), NL, id(f.name), p(':'), ...this.typePieces(f.type));
      if (f.label) out.push(str(f.label));
      if (f.optional) out.push(kw('Optional'));
    });
    out.push(OUT, NL, p('}'));
    return out;
  }

  /** An item, bonus or penalty; once declared, later items may read its score (a penalty's is read by none). */
  itemDecl(s: Scope, kind: 'item' | 'bonus' | 'penalty', max: string | undefined): Piece[] {
    const label = this.labels.fresh(kind);
    const keyword = kind === 'item' ? 'Item' : kind === 'bonus' ? 'Bonus' : 'Penalty';
    const head = [kw(keyword), str(label), ...(max ? [kw('Max'), num(max)] : [])];
    this.roundMin = max?.split('.')[1]?.length ?? 0;
    const decl = [...head, ...this.ruleBody(s, kind, kind === 'bonus' && !max, max !== undefined)];
    if (kind === 'item') this.itemLabels.push(label);
    if (kind === 'bonus') this.bonusLabels.push(label);
    if (kind === 'penalty') this.penaltyLabels.push(label);
    else this.scores.push([kw(keyword), str(label)]);
    return decl;
  }

  /**
   * A section: items, or now and then (not too deep) sections and items that add up to it, or
   * weighted sections. With a weight (its parent's parts are weighted) its max may be left out;
   * otherwise it declares what its parts add up to (over weighted parts, any whole number).
   * Once complete, later items may read its score.
   */
  sectionDecl(s: Scope, depth: number, weight: string | undefined, maxTenths: (whole: number) => number): { model: SectionModel; scaleTenths: number; pieces: Piece[] } {
    const g = this.g;
    const label = this.labels.fresh('section');
    this.sectionLabels.push(label);
    const scope: Scope = { ...s, lets: [...s.lets] };
    const body: Piece[] = [];
    const items: SectionModel['items'] = [];
    const sections: SectionModel[] = [];
    const sub = (w: string | undefined) => {
      const c = this.sectionDecl(scope, depth + 1, w, maxTenths);
      sections.push(c.model);
      body.push(NL, ...c.pieces);
      return c.scaleTenths;
    };
    if (g.chance(20)) body.push(NL, ...this.letDecl(scope));
    const content = depth < 2 && g.chance(20) ? g.pick(['nested', 'weighted']) : 'items';
    let max: string | undefined;
    let scale = 0;
    if (content === 'weighted') {
      for (const w of splitHundred(g, g.int(2, 3))) sub(`${w}%`);
      max = !weight || g.chance(50) ? String(g.int(1, 10) * 10) : undefined;
      scale = max ? Number(max) * 10 : 1000;
    } else {
      if (content === 'nested') for (let i = g.int(1, 2); i > 0; i--) scale += sub(undefined);
      for (let i = content === 'nested' ? g.int(0, 2) : g.int(1, this.opts.maxItemsPerSection ?? 4); i > 0; i--) {
        const t = maxTenths(g.int(1, 20));
        scale += t;
        body.push(NL, ...this.itemDecl(scope, 'item', tenths(t)));
        items.push({ label: this.itemLabels[this.itemLabels.length - 1], max: tenths(t) });
      }
      max = !weight || g.chance(40) ? tenths(scale) : undefined;
    }
    const headParts: Piece[][] = [];
    if (max) headParts.push([kw('Max'), num(max)]);
    if (weight) headParts.push([kw('Weight'), num(weight)]);
    this.scores.push([kw('Section'), str(label)]);
    return {
      model: { label, max, weight, scale: tenths(scale), items, sections },
      scaleTenths: scale,
      pieces: [kw('Section'), str(label), ...g.shuffle(headParts).flat(), p('{'), IN, ...body, OUT, NL, p('}')],
    };
  }

  /** A condition on the unit's own inputs alone (`eligible if`): no named value, score or value across units. */
  ownCond(s: Scope): Piece[] {
    return this.cond({ ...s, lets: [], scores: [], across: false }, 1);
  }

  letDecl(s: Scope): Piece[] {
    const name = this.names.fresh('let');
    const value = this.numExpr(s, this.depth);
    s.lets.push(name);
    return [kw('Let'), id(name), p('='), ...value];
  }

  value(t: TypeSpec): Piece[] {
    const g = this.g;
    switch (t.kind) {
      case 'yesno':
        return [kw(g.chance(50) ? 'Yes' : 'No')];
      case 'count':
        return [num(String(g.int(0, 9)))];
      case 'integer': {
        const [lo, hi] = t.range ?? [-20, 100];
        return [num(String(g.int(lo, hi)))];
      }
      case 'number': {
        const [lo, hi] = t.range ?? [-50, 500];
        return [num(tenths(g.int(lo * 10, hi * 10)))];
      }
      case 'percent': {
        const v = g.int(0, 100);
        return [g.pick([num(String(v)), num(`${v}%`), str(`${v}%`)])];
      }
      case 'text':
        return [str(this.g.pick(['桥梁', '道路', 'bridge', '省政府文件', 'a # b', '']))];
      case 'grade':
        return [str(g.pick(this.gradeLabels.length > 0 ? this.gradeLabels : ['合格']))];
      case 'enum':
        return [id(g.pick(t.members))];
      case 'list': {
        const out: Piece[] = [p('[')];
        for (let i = g.int(0, 3); i > 0; i--) out.push(...(out.length > 1 ? [p(',')] : []), ...this.record(t.fields));
        out.push(p(']'));
        return out;
      }
    }
  }

  record(fields: FieldSpec[], withUnit = false): Piece[] {
    const g = this.g;
    const out: Piece[] = [p('{')];
    if (withUnit && this.unitKinds.length > 0) out.push(kw('Unit'), p(':'), id(g.pick(this.unitKinds)), ...(fields.length > 0 ? [p(',', true)] : []));
    const present = fields.filter((f) => !f.optional || g.chance(60));
    present.forEach((f, i) => {
      out.push(...(i > 0 ? [p(',', true)] : []), id(f.name), p(':'), ...this.value(f.type));
      if (present.length > 4 && i % 3 === 2 && i < present.length - 1) out.push(NL);
    });
    if (present.length > 0 && g.chance(15)) out.push(p(',', true));
    out.push(p('}'));
    return out;
  }

  expectation(m: { items: string[]; sections: string[]; bonuses: string[]; vetoes: string[]; grades: string[]; eligible: boolean }, unit?: string): Piece[] {
    const g = this.g;
    const val = () => [p('='), this.posLit()];
    const options: (() => Piece[])[] = [() => [kw('Total'), ...val()], () => [kw('Not'), kw('Veto')], () => [kw('Place'), p('='), num(String(g.int(1, 3)))]];
    if (m.eligible) options.push(() => (g.chance(50) ? [kw('Ineligible')] : [kw('Not'), kw('Ineligible')]));
    if (m.items.length > 0) options.push(() => [kw('Item'), str(g.pick(m.items)), ...val()]);
    if (m.sections.length > 0) options.push(() => [kw('Section'), str(g.pick(m.sections)), ...val()]);
    if (m.bonuses.length > 0) options.push(() => (g.chance(50) ? [kw('Bonus'), ...val()] : [kw('Bonus'), str(g.pick(m.bonuses)), ...val()]));
    if (m.grades.length > 0) options.push(() => [kw('Grade'), p('='), str(g.pick(m.grades))]);
    if (m.vetoes.length > 0) options.push(() => (g.chance(50) ? [kw('Veto')] : [kw('Veto'), str(g.pick(m.vetoes))]));
    return [kw('Expect'), ...(unit ? [str(unit)] : []), ...g.pick(options)()];
  }

  // ── the scheme ────────────────────────────────────────────────────
  scheme(): SchemeModel {
    const g = this.g;
    const opts = this.opts;
    const decls: Decl[] = [];
    const hasGrades = g.chance(70);
    // Maxima may not have more decimals than the declared precision.
    const precision = g.chance(40) ? g.int(0, 2) : undefined;
    const maxTenths = (whole: number) => (precision === 0 || g.chance(80) ? whole * 10 : whole * 10 + (g.chance(50) ? 5 : -5));

    const unitCount = g.chance(25) ? 2 : 1;
    const units = Array.from({ length: unitCount }, () => ({ name: this.names.unitKind(), label: g.chance(70) ? g.pick(UNIT_LABELS) : undefined }));
    const inputs = this.inputs(hasGrades);
    const s = this.buildScope(inputs, unitCount > 1 ? units.map((u) => u.name) : []);
    this.unitKinds = unitCount > 1 ? units.map((u) => u.name) : [];
    // The grade block's labels are known before anything refers to them (grade inputs, examples).
    const vetoCount = g.int(0, 2);
    const gradeLines = hasGrades ? g.int(1, 3) : 0;
    const vetoGrade = hasGrades && vetoCount > 0 && g.chance(70) ? this.labels.fresh('grade') : undefined;
    const ifGrades = Array.from({ length: gradeLines }, () => this.labels.fresh('grade'));
    const otherwiseGrade = hasGrades && g.chance(80) ? this.labels.fresh('grade') : undefined;
    const ineligibleGrade = hasGrades && g.chance(30) ? this.labels.fresh('grade') : undefined;
    this.gradeLabels.push(...(vetoGrade ? [vetoGrade] : []), ...(ineligibleGrade ? [ineligibleGrade] : []), ...ifGrades, ...(otherwiseGrade ? [otherwiseGrade] : []));

    if (opts.imports && g.chance(40)) decls.push({ kind: 'use', pieces: [kw('Use'), str(g.pick(['departments/agriculture.assess', '部门/农业.assess'])), kw('As'), id(this.names.fresh('alias'))] });
    decls.push({
      kind: 'unit',
      pieces: [kw('Unit'), ...units.flatMap((u, i) => [...(i > 0 ? [p(',')] : []), id(u.name), ...(u.label ? [str(u.label)] : [])])],
    });
    decls.push({ kind: 'input', pieces: [kw('Input'), ...this.fieldBlock(inputs)] });
    for (let i = g.int(0, 2); i > 0; i--) decls.push({ kind: 'let', pieces: this.letDecl(s) });

    // Sections and their items. Maxima in tenths, so that sums stay exact.
    const mode: 'max' | 'weight' = g.chance(25) ? 'weight' : 'max';
    const sectionCount = g.int(opts.minSections ?? 1, Math.max(opts.minSections ?? 1, opts.maxSections ?? 3));
    const weights = splitHundred(g, sectionCount);
    const sections: SectionModel[] = [];
    let totalTenths = 0;
    for (let si = 0; si < sectionCount; si++) {
      const sec = this.sectionDecl(s, 0, mode === 'weight' ? `${weights[si]}%` : undefined, maxTenths);
      sections.push(sec.model);
      totalTenths += sec.scaleTenths;
      decls.push({ kind: 'section', pieces: sec.pieces });
    }
    const topItems: { label: string; max: string }[] = [];
    if (mode === 'max') {
      for (let i = g.chance(30) ? g.int(1, 2) : 0; i > 0; i--) {
        const t = g.int(1, 10) * 10;
        totalTenths += t;
        decls.push({ kind: 'item', pieces: this.itemDecl(s, 'item', tenths(t)) });
        topItems.push({ label: this.itemLabels[this.itemLabels.length - 1], max: tenths(t) });
      }
    }
    const total = mode === 'max' ? tenths(totalTenths) : g.pick(['100', '10', '1000']);

    for (let i = g.int(0, 2); i > 0; i--) decls.push({ kind: 'bonus', pieces: this.itemDecl(s, 'bonus', g.chance(40) ? String(g.int(1, 20)) : undefined) });
    // Penalties may read the sum of the bonuses: every bonus is declared by now.
    if (this.bonusLabels.length > 0) this.scores.push([kw('Bonus')]);
    for (let i = g.chance(25) ? g.int(1, 2) : 0; i > 0; i--) decls.push({ kind: 'penalty', pieces: this.itemDecl(s, 'penalty', g.chance(50) ? String(g.int(1, 20)) : undefined) });
    // The floor is below the total: 0, or half of it.
    const floor = g.chance(20) ? g.pick(['0', tenths(Math.floor(Number(total) * 5))]) : undefined;
    const eligible = g.chance(25);
    if (eligible) decls.push({ kind: 'eligible', pieces: [kw('Eligible'), kw('If'), ...this.ownCond(s)] });
    // Groups by a value every unit has: the first enum, the unit's kind, or the first yes/no.
    const keys: Piece[][] = [s.enums[0].ref, [id(inputs.find((f) => f.type.kind === 'yesno' && !f.optional)!.name)], ...(this.unitKinds.length > 1 ? [[kw('Unit')]] : [])];
    const within = g.chance(25);
    if (within) decls.push({ kind: 'within', pieces: [kw('Within'), ...g.pick(keys)] });
    if (g.chance(20)) {
      const settings = g.shuffle([
        [kw('Veto'), kw(g.pick(['Last', 'Unplaced']))],
        [kw('Ineligible'), kw(g.pick(['Last', 'Unplaced']))],
      ]).slice(0, g.int(1, 2));
      decls.push({ kind: 'place', pieces: [kw('Place'), p(':'), ...settings.flatMap((x, i) => [...(i > 0 ? [p(',')] : []), ...x])] });
    }
    const vetoes: string[] = [];
    for (let i = vetoCount; i > 0; i--) {
      const reason = this.labels.fresh('veto');
      vetoes.push(reason);
      decls.push({ kind: 'veto', pieces: [kw('Veto'), str(reason), kw('If'), ...this.cond(s, 1)] });
    }
    if (hasGrades) {
      const gradeField = inputs.find((f) => f.type.kind === 'grade')?.name;
      const lines: Piece[][] = [];
      if (vetoGrade) lines.push([kw('Veto'), str(vetoGrade)]);
      if (ineligibleGrade) lines.push([kw('Ineligible'), str(ineligibleGrade)]);
      // A quota: at most a share of the units assessed, or a number of them.
      const quota = () => (g.chance(25) ? [p(','), kw('Max'), num(g.pick(['20%', '40%', '50%', String(g.int(1, 3))]))] : []);
      for (const l of ifGrades) lines.push([str(l), kw('If'), ...this.gradeCond(gradeField, 1), ...quota()]);
      if (otherwiseGrade) lines.push([kw('Otherwise'), str(otherwiseGrade)]);
      const pieces: Piece[] = [kw('Grade'), p('{'), IN];
      lines.forEach((l, i) => pieces.push(...(i > 0 ? [p(',', true)] : []), NL, ...l));
      pieces.push(OUT, NL, p('}'));
      decls.push({ kind: 'grade', pieces });
    }
    if (g.chance(30)) {
      const factor = this.coefField ? [id(this.coefField)] : [p('('), num('1'), p('+'), ...this.numAtom(s), p('/'), num('100'), p(')')];
      decls.push({ kind: 'adjust', pieces: [kw('Adjust'), kw('Total'), p('*'), ...factor] });
    }
    if (g.chance(15)) {
      // `total` in an adjustment is the total before it; a named value that reads it is read by adjustments alone.
      const factor = [kw('If'), kw('Total'), p('>='), this.posLit(), kw('Then'), num('1.05'), kw('Otherwise'), num('1')];
      if (g.chance(50)) decls.push({ kind: 'adjust', pieces: [kw('Adjust'), kw('Total'), p('*'), p('('), ...factor, p(')')] });
      else {
        const name = this.names.fresh('let');
        decls.push({ kind: 'let', pieces: [kw('Let'), id(name), p('='), ...factor] }, { kind: 'adjust', pieces: [kw('Adjust'), kw('Total'), p('*'), id(name)] });
      }
    }

    // Examples. With several unit kinds every row says its kind (`unit: township`).
    const examples: string[] = [];
    if (opts.examples !== false) {
      const facts = { items: this.itemLabels, sections: this.sectionLabels, bonuses: this.bonusLabels, vetoes, grades: this.gradeLabels, eligible };
      for (let i = g.int(0, 2); i > 0; i--) {
        const label = this.labels.fresh('example');
        examples.push(label);
        const body: Piece[] = [];
        if (g.chance(60)) {
          body.push(NL, kw('Given'), ...this.record(inputs, true));
          for (let k = g.int(1, 3); k > 0; k--) body.push(NL, ...this.expectation(facts));
        } else {
          const names = g.shuffle(LABELS.unitName).slice(0, g.int(2, 3));
          for (const n of names) body.push(NL, kw('Unit'), str(n), ...this.record(inputs, true));
          for (let k = g.int(1, 3); k > 0; k--) body.push(NL, ...this.expectation(facts, g.pick(names)));
        }
        decls.push({ kind: 'example', pieces: [kw('Example'), str(label), p('{'), IN, ...body, OUT, NL, p('}')] });
      }
    }

    const name = this.labels.fresh('scheme');
    const header: Decl = {
      kind: 'header',
      pieces: [kw('Scheme'), str(name), kw('Total'), num(total), ...(precision !== undefined ? [kw('Precision'), num(String(precision))] : []), ...(floor !== undefined ? [kw('Floor'), num(floor)] : [])],
    };
    return {
      lang: this.zh ? 'zh' : 'en',
      name,
      total,
      precision,
      mode,
      units,
      inputs,
      sections,
      items: topItems,
      bonuses: this.bonusLabels,
      penalties: this.penaltyLabels,
      floor,
      eligible,
      within,
      vetoes,
      grades: this.gradeLabels,
      examples,
      decls: [header, ...(opts.shuffle ? g.shuffle(decls) : decls)],
    };
  }
}

/** `n` whole percentages that add up to 100. */
function splitHundred(g: Gen, n: number): number[] {
  const cuts = Array.from({ length: n - 1 }, () => g.int(1, 99)).sort((a, b) => a - b);
  const bounds = [0, ...cuts, 100];
  const out = bounds.slice(1).map((b, i) => b - bounds[i]);
  // A weight of 0% is legal but odd; move one point from the largest.
  for (let i = 0; i < out.length; i++) {
    if (out[i] === 0) {
      const j = out.indexOf(Math.max(...out));
      out[j]--;
      out[i]++;
    }
  }
  return out;
}

/** Generate a scheme model from any source of random integers. */
export function generateModel(r: Rand, options: SchemeOptions = {}): SchemeModel {
  return new SchemeGen(r, options).scheme();
}

// ── rendering ───────────────────────────────────────────────────────
export interface RenderStyle {
  /** Keyword spellings: English, Chinese, or any spelling at each occurrence. */
  keywords: 'en' | 'zh' | 'mixed';
  /** Neat: one declaration per line group, indented. Random: any legal whitespace between tokens. */
  layout: 'neat' | 'random';
  /** Chance (percent) of keeping each optional comma. */
  optionalCommas: number;
  /** Chance (percent) of writing `：` `，` `、` `（）` `≥` `≤` `≠` `×` `÷` `→` `“”` instead of ASCII. */
  fullWidth: number;
  /** Chance (percent) of a comment in each gap between tokens (random layout) or after a line (neat). */
  comments: number;
  crlf: boolean;
  seed: number;
}

export const NEAT_STYLE: RenderStyle = { keywords: 'en', layout: 'neat', optionalCommas: 100, fullWidth: 0, comments: 0, crlf: false, seed: 1 };

const FULL_WIDTH: Record<string, string[]> = {
  ':': ['：'],
  ',': ['，', '、'],
  '(': ['（'],
  ')': ['）'],
  '>=': ['≥'],
  '<=': ['≤'],
  '!=': ['≠', '<>'],
  '*': ['×'],
  '/': ['÷'],
  '->': ['→'],
};
const OP_CHARS = /[<>=!\-.?*/+|→≥≤≠×÷]/;

const COMMENT_TEXTS = ['note', '注释：按年度计算', 'TODO "quoted" # hash', 'a, b: c { } [ ]', '', '#', '  spaced out  ', '说明 —— 依据文件第3条'];

/** Spell a keyword in a style: its English, Chinese or any spelling. */
function spell(name: string, style: RenderStyle, g: Gen): string {
  const k = KEYWORDS.find((x) => x.name === name)!;
  const pool = style.keywords === 'en' ? k.en : style.keywords === 'zh' ? k.zh : [...k.en, ...k.zh];
  const s = g.pick(pool);
  // Spaces inside a multi-word spelling may be any run of blanks.
  return style.layout === 'random' && s.includes(' ') ? s.replace(/ /g, () => g.pick([' ', '  ', '\t'])) : s;
}

/** The text of a scheme model in a style. Deterministic for a given model and style. */
export function renderScheme(model: SchemeModel, style: RenderStyle = NEAT_STYLE): string {
  const g = new Gen(seededRand(style.seed));
  const nl = style.crlf ? '\r\n' : '\n';
  let commentNo = 0;
  const comment = () => `# c${++commentNo} ${g.pick(COMMENT_TEXTS)}`;
  const out: string[] = [];
  let indent = 0;
  let pendingNl = 0;
  let prev: { text: string; punct: boolean } | null = null;

  const pieces: Piece[] = [];
  model.decls.forEach((d, i) => {
    if (i > 0) pieces.push(NL, NL);
    pieces.push(...d.pieces);
  });

  for (const pc of pieces) {
    if (pc.t === 'nl') {
      pendingNl = Math.min(pendingNl + 1, 2);
      continue;
    }
    if (pc.t === 'in') {
      indent++;
      continue;
    }
    if (pc.t === 'out') {
      indent--;
      continue;
    }
    if (pc.t === 'p' && pc.optional && !g.chance(style.optionalCommas)) continue;
    let text: string;
    switch (pc.t) {
      case 'kw':
        text = spell(pc.kw, style, g);
        break;
      case 'str':
        text = g.chance(style.fullWidth) && !pc.text.includes('”') ? `“${pc.text}”` : `"${pc.text.replace(/"/g, '')}"`;
        break;
      case 'p':
        text = FULL_WIDTH[pc.text] && g.chance(style.fullWidth) ? g.pick(FULL_WIDTH[pc.text]) : pc.text;
        break;
      default:
        text = pc.text;
    }
    const punct = pc.t === 'p';
    if (prev) out.push(gapText(prev, { text, punct }));
    else if (style.layout === 'random' && g.chance(style.comments)) out.push(comment(), nl);
    out.push(text);
    prev = { text, punct };
    pendingNl = 0;
  }
  out.push(style.layout === 'random' && g.chance(style.comments) ? ` ${comment()}${nl}` : nl);
  return out.join('');

  function gapText(a: { text: string; punct: boolean }, b: { text: string; punct: boolean }): string {
    const mayGlue = (a.punct || b.punct) && !(OP_CHARS.test(a.text.slice(-1)) && OP_CHARS.test(b.text.charAt(0)));
    const lineStart = () => nl + '  '.repeat(Math.max(0, indent));
    if (style.layout === 'neat') {
      let ws: string;
      if (pendingNl > 0) ws = (pendingNl > 1 ? nl : '') + lineStart();
      else ws = b.punct && /^([,:：，、)）\].]|\.\.)$/.test(b.text) ? '' : a.punct && /^([([（.]|\.\.)$/.test(a.text) ? '' : ' ';
      if (pendingNl > 0 && g.chance(style.comments)) ws = (g.chance(50) ? ` ${comment()}` : `${lineStart()}${comment()}`) + ws;
      return ws;
    }
    if (g.chance(style.comments)) return g.chance(50) ? ` ${comment()}${lineStart()}` : `${lineStart()}${comment()}${lineStart()}`;
    const options = [' ', ' ', ' ', '  ', '\t', lineStart(), nl, nl + nl, nl + '\t  '];
    if (pendingNl > 0) options.push(lineStart(), lineStart(), lineStart());
    if (mayGlue) options.push('', '', '');
    return g.pick(options);
  }
}

// ── arbitraries ─────────────────────────────────────────────────────
/** fast-check's generator function, wrapped as a `Rand` (values shrink). */
function genRand(gen: fc.GeneratorValue): Rand {
  return { int: (min, max) => gen(fc.integer, { min, max }) };
}

/** A valid scheme model. */
export function schemeModel(options: SchemeOptions = {}): fc.Arbitrary<SchemeModel> {
  return fc.gen().map((gen) => generateModel(genRand(gen), options));
}

/** A rendering style; `overrides` fix some of its choices. */
export function renderStyle(overrides: Partial<RenderStyle> = {}): fc.Arbitrary<RenderStyle> {
  return fc
    .record({
      keywords: fc.constantFrom('en', 'zh', 'mixed') as fc.Arbitrary<RenderStyle['keywords']>,
      layout: fc.constantFrom('neat', 'random') as fc.Arbitrary<RenderStyle['layout']>,
      optionalCommas: fc.constantFrom(0, 50, 100),
      fullWidth: fc.constantFrom(0, 0, 30),
      comments: fc.constantFrom(0, 5, 20),
      crlf: fc.constantFrom(false, false, false, true),
      seed: fc.integer({ min: 0, max: 0x7fffffff }),
    })
    .map((s) => ({ ...s, ...overrides }));
}

export interface GeneratedScheme {
  text: string;
  model: SchemeModel;
  style: RenderStyle;
}

/** A valid scheme as text, with the model and the style it was rendered from. */
export function scheme(options: SchemeOptions = {}, style: Partial<RenderStyle> = {}): fc.Arbitrary<GeneratedScheme> {
  return fc.tuple(schemeModel(options), renderStyle(style)).map(([model, st]) => ({ text: renderScheme(model, st), model, style: st }));
}

/** Just the text of a valid scheme. */
export function schemeText(options: SchemeOptions = {}, style: Partial<RenderStyle> = {}): fc.Arbitrary<string> {
  return scheme(options, style).map((s) => s.text);
}

/**
 * Data for one unit, valid for the scheme's inputs, as a plain object (`yes`/`no` as booleans,
 * numbers as decimal strings, enum members and labels as strings, lists as arrays of objects).
 * Optional fields are sometimes left out. With several unit kinds, `unit` holds the row's kind.
 */
export function unitData(model: SchemeModel): fc.Arbitrary<Record<string, unknown>> {
  return fc.gen().map((gen) => {
    const g = new Gen(genRand(gen));
    const value = (t: TypeSpec): unknown => {
      switch (t.kind) {
        case 'yesno':
          return g.chance(50);
        case 'count':
          return g.int(0, 9);
        case 'integer': {
          const [lo, hi] = t.range ?? [-20, 100];
          return g.int(lo, hi);
        }
        case 'number': {
          const [lo, hi] = t.range ?? [-50, 500];
          return tenths(g.int(lo * 10, hi * 10));
        }
        case 'percent':
          return `${g.int(0, 100)}%`;
        case 'text':
          return g.pick(['桥梁', '道路', 'bridge', '省政府文件']);
        case 'grade':
          return g.pick(model.grades.length > 0 ? model.grades : ['合格']);
        case 'enum':
          return g.pick(t.members);
        case 'list':
          return Array.from({ length: g.int(0, 3) }, () => record(t.fields));
      }
    };
    const record = (fields: FieldSpec[]) => Object.fromEntries(fields.filter((f) => !f.optional || g.chance(60)).map((f) => [f.name, value(f.type)]));
    const data = record(model.inputs);
    return model.units.length > 1 ? { unit: g.pick(model.units).name, ...data } : data;
  });
}
