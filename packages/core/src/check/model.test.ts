// The semantic model: definitions with their types, labels, maxima and ranges; references both
// ways; what is under a cursor; the outline; and all of it when the file has errors.
import { describe, expect, it } from 'vitest';
import { compile, memoryHost, type Definition, type SemanticModel } from '../index.js';

const EN = `scheme "towns" total 100

input {
  org_system      : yes/no "组织领导体系健全"
  missing_reports : count  "少报次数"
  dept_score      : 0..90  "部门得分"
  remark          : text optional
  honors : list of {
    project  : text
    level    : district | city | province | national
    evidence : text optional
  }
}

let reports = missing_reports

section "定性考核" max 10 {
  item "组织领导" max 5 {
    5 if org_system
  }
  item "材料报送" max 5: deduct 1 per reports
}

section "定量考核" max 90 {
  item "部门考核" max 90: dept_score
}

bonus "项目加分": honors with evidence, best per project,
  district 1, city 3, province 6, national 10, cap 10 prorata

veto "弄虚作假" if count(honors where level = national and evidence ?? "" = "") > 3

grade {
  veto "不予命名"
  "优秀" if total >= 90
  otherwise "合格"
}

example "e" {
  given { org_system: yes, missing_reports: 2, dept_score: 80, honors: [{ project: "桥", level: city, evidence: "文件" }] }
  expect item "材料报送" = 3
  expect grade = "优秀"
}
`;

const ZH = `方案 "镇考核" 总分 10

输入 {
  少报次数 : 次数 "少报次数"
  级别     : 市级 | 省级
}

小节 "定性考核" 满分 10 {
  指标 "材料报送" 满分 5: 每 少报次数 扣 1
  指标 "级别" 满分 5: 级别, 市级 3, 省级 5
}
`;

const modelOf = (src: string, file = 's.assess'): SemanticModel => compile(file, src).model;
/** The text of every reference to a definition. */
const refs = (m: SemanticModel, src: string, d: Definition) => d.references.map((r) => src.slice(r.start, r.end));
const at = (src: string, needle: string, delta = 1) => src.indexOf(needle) + delta;

describe('definitions', () => {
  const m = modelOf(EN);
  it('inputs with their type as written, label and whether they are optional', () => {
    const d = m.find('input', 'dept_score')!;
    expect(d).toMatchObject({ label: '部门得分', optional: false, type: { en: '0..90', zh: '0..90' } });
    expect(m.find('input', 'remark')!.optional).toBe(true);
    expect(m.find('input', 'honors')!.type!.en).toBe('list of { project, level, evidence }');
  });
  it('list-entry fields belong to their list; enum members to their field', () => {
    const honors = m.find('input', 'honors')!;
    const level = m.find('entryField', 'level')!;
    expect(level.parent).toBe(honors.id);
    expect(m.find('entryField', 'evidence')!.optional).toBe(true);
    expect(m.ofKind('member').filter((d) => d.parent === level.id).map((d) => d.name)).toEqual(['district', 'city', 'province', 'national']);
  });
  it('items with their max and static range; sections with their scale and the sum of their items', () => {
    expect(m.find('item', '材料报送')).toMatchObject({ max: '5', range: { low: '0', high: '5' } });
    expect(m.find('item', '部门考核')).toMatchObject({ max: '90', range: { low: '0', high: '90' } });
    expect(m.find('section', '定性考核')).toMatchObject({ max: '10', itemsMax: '10', range: { low: '0', high: '10' } });
    expect(m.find('item', '材料报送')!.parent).toBe(m.find('section', '定性考核')!.id);
    expect(m.find('bonus', '项目加分')).toMatchObject({ max: '10', range: { low: '0', high: '10' } });
    expect(m.totalRange).toEqual({ low: '0', high: '110' });
  });
  it('lets with their type; vetoes and grade labels', () => {
    expect(m.find('let', 'reports')!.type!.en).toBe('a number');
    expect(m.find('veto', '弄虚作假')).toBeDefined();
    expect(m.ofKind('grade').map((d) => d.name)).toEqual(['不予命名', '优秀', '合格']);
  });
  it('a label’s name span is the label without its quotes', () => {
    const d = m.find('item', '材料报送')!;
    expect(EN.slice(d.nameSpan.start, d.nameSpan.end)).toBe('材料报送');
  });
});

describe('references, both ways', () => {
  const m = modelOf(EN);
  it('an input is read by lets, rules and example keys', () => {
    expect(refs(m, EN, m.find('input', 'missing_reports')!)).toEqual(['missing_reports', 'missing_reports']);
    expect(refs(m, EN, m.find('let', 'reports')!)).toEqual(['reports']);
    expect(refs(m, EN, m.find('input', 'honors')!)).toEqual(['honors', 'honors', 'honors']);
  });
  it('entry fields are read in `with`, `best per` and `where`, and in example records', () => {
    expect(refs(m, EN, m.find('entryField', 'evidence')!)).toEqual(['evidence', 'evidence', 'evidence']);
    expect(refs(m, EN, m.find('entryField', 'project')!)).toEqual(['project', 'project']);
  });
  it('enum members are referenced by tiers and comparisons', () => {
    const national = m.ofKind('member').find((d) => d.name === 'national')!;
    expect(refs(m, EN, national)).toEqual(['national', 'national']);
  });
  it('labels are referenced by `expect item "…"` and grade labels by `expect grade`', () => {
    expect(refs(m, EN, m.find('item', '材料报送')!)).toEqual(['材料报送']);
    expect(refs(m, EN, m.find('grade', '优秀')!)).toEqual(['优秀']);
  });
  it('every reference points at a definition, and every definition lists it', () => {
    for (const r of m.references) expect(m.definitions[r.target].references).toContainEqual(r.span);
  });
});

describe('what is under a cursor', () => {
  const m = modelOf(EN);
  it('a use of a name: the reference and what it refers to', () => {
    const n = m.nodeAt(at(EN, 'per reports', 5));
    expect(n.definition?.name).toBe('reports');
    expect(n.reference).toBeDefined();
    expect(n.expr?.type?.k).toBe('num');
  });
  it('a definition’s own name', () => {
    const n = m.nodeAt(at(EN, 'dept_score      :', 2));
    expect(n.definition).toMatchObject({ kind: 'input', name: 'dept_score' });
    expect(n.reference).toBeUndefined();
  });
  it('the AST nodes around the cursor, outermost first', () => {
    const n = m.nodeAt(at(EN, 'deduct 1 per', 3));
    expect(n.nodes[0]).toBe(m.ast);
    expect(n.nodes.map((x) => (x as { kind?: string }).kind)).toContain('Section');
    expect(n.nodes.map((x) => (x as { kind?: string }).kind)).toContain('Deduct');
  });
  it('list-entry fields are in scope inside `where` and a tier table’s filters', () => {
    expect(m.entryScopeAt(at(EN, 'level = national'))?.name).toBe('honors');
    expect(m.entryScopeAt(at(EN, 'best per project', 9))?.name).toBe('honors');
    expect(m.entryScopeAt(at(EN, 'deduct 1'))).toBeUndefined();
  });
});

describe('the outline', () => {
  it('sections → items with their max, then bonuses, vetoes, grades and examples, in source order', () => {
    const o = modelOf(EN).outline();
    expect(o.map((s) => `${s.kind} ${s.name}`)).toEqual(['inputs input', 'let reports', 'section 定性考核', 'section 定量考核', 'bonus 项目加分', 'veto 弄虚作假', 'grades grade', 'example e']);
    const sec = o.find((s) => s.name === '定性考核')!;
    expect(sec.children.map((c) => `${c.name} ${c.detail}`)).toEqual(['组织领导 5', '材料报送 5']);
    expect(o[0].children.map((c) => c.name)).toEqual(['org_system', 'missing_reports', 'dept_score', 'remark', 'honors']);
    expect(o[0].children[4].children.map((c) => c.name)).toEqual(['project', 'level', 'evidence']);
  });
});

describe('Chinese keywords: the same model', () => {
  const m = modelOf(ZH);
  it('definitions and references', () => {
    expect(m.find('item', '材料报送')).toMatchObject({ max: '5', range: { low: '0', high: '5' } });
    expect(refs(m, ZH, m.find('input', '少报次数')!)).toEqual(['少报次数']);
    expect(refs(m, ZH, m.ofKind('member').find((d) => d.name === '省级')!)).toEqual(['省级']);
  });
});

describe('with errors, the model is still built from what could be read', () => {
  it('an unknown name: the other definitions and references are there', () => {
    const src = EN.replace('deduct 1 per reports', 'deduct 1 per reprots');
    const c = compile('s.assess', src);
    expect(c.ok).toBe(false);
    expect(c.plan).toBeUndefined();
    expect(c.model.find('item', '材料报送')!.max).toBe('5');
    expect(refs(c.model, src, c.model.find('input', 'dept_score')!)).toEqual(['dept_score', 'dept_score']);
  });
  it('a syntax error in one declaration leaves the others', () => {
    const src = EN.replace('item "部门考核" max 90: dept_score', 'item "部门考核" max 90: dept_score +');
    const c = compile('s.assess', src);
    expect(c.ok).toBe(false);
    expect(c.model.find('section', '定性考核')).toBeDefined();
    expect(c.model.find('bonus', '项目加分')!.max).toBe('10');
  });
  it('an import’s alias is a definition, referenced by `alias.total`', () => {
    const sub = 'scheme "sub" total 10\ninput { farms : count "农场数" }\nitem "a" max 10: min(farms, 10)\n';
    const host = memoryHost({ 'sub.assess': sub });
    const c = compile('main.assess', 'scheme "m" total 10\nuse "sub.assess" as s\nitem "b" max 10: s.total\n', host);
    expect(c.ok).toBe(true);
    const alias = c.model.find('import', 's')!;
    expect(alias.label).toBe('sub.assess');
    expect(alias.references).toHaveLength(1);
  });
});
