// Example blocks are tests: `runExamples` validates each example's data like real data,
// evaluates it, and compares every `expect` line with the result.
import { describe, expect, it } from 'vitest';
import { compile, runExamples, type Plan, type ExampleOutcome } from '../index.js';

function schemeOf(src: string): Plan.Plan {
  const c = compile('t.assess', src);
  expect(c.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message.en}`)).toEqual([]);
  return c.plan!;
}
const outcome = (os: ExampleOutcome[], label: string) => {
  const o = os.find((x) => x.label === label);
  expect(o, `example ${label}`).toBeDefined();
  return o!;
};
const failureText = (o: ExampleOutcome) => o.failures.map((d) => `${d.code} ${d.message.en}`);

const SKETCH = `scheme "新一轮农村实事工程考核（镇）" total 100
unit town "镇（区）"
input {
  org_system      : yes/no   "组织领导体系健全且运转正常"
  targets_split   : yes/no   "年度目标任务明确，分解到位"
  missing_reports : count    "少报次数"
  dept_score      : 0..90    "牵头部门定量考核得分"
  honors : list of {
    project  : text
    level    : district | city | province | national
    evidence : text optional
  }
}
section "定性考核" max 10 {
  item "组织领导" max 5 {
    2 if org_system
    3 if targets_split
  }
  item "材料报送" max 5: deduct 1 per missing_reports
}
section "定量考核" max 90 {
  item "部门考核" max 90: dept_score
}
bonus "项目加分": honors with evidence, best per project,
  district 1, city 3, province 6, national 10, cap 10 prorata
grade {
  "规范化单位" if total >= 85
  otherwise "下年重新考评"
}
`;

describe('one-unit examples (given)', () => {
  it('the sketch’s example passes, checking every expect line', () => {
    const s = schemeOf(
      SKETCH +
        `example "two missing reports, one provincial honour" {
  given { org_system: yes, targets_split: yes, missing_reports: 2, dept_score: 80,
          honors: [{ project: "桥梁", level: province, evidence: "省政府文件" }] }
  expect item "材料报送" = 3
  expect section "定性考核" = 8
  expect bonus "项目加分" = 6
  expect bonus = 6
  expect total = 94
  expect grade = "规范化单位"
  expect not veto
}`,
    );
    const [o] = runExamples(s);
    expect(o.label).toBe('two missing reports, one provincial honour');
    expect(failureText(o)).toEqual([]);
    expect(o.passed).toBe(true);
    expect(o.checked).toBe(7);
  });
  it('a wrong expectation fails with E0701 saying what was expected and what came out', () => {
    const s = schemeOf(
      SKETCH +
        `example "wrong" {
  given { org_system: yes, targets_split: yes, missing_reports: 2, dept_score: 80, honors: [] }
  expect item "材料报送" = 4
  expect total = 90
  expect grade = "下年重新考评"
}`,
    );
    const [o] = runExamples(s);
    expect(o.passed).toBe(false);
    expect(o.checked).toBe(3);
    expect(failureText(o)).toEqual([
      'E0701 example "wrong": expected item "材料报送" = 4, got 3',
      'E0701 example "wrong": expected total = 90, got 88',
      'E0701 example "wrong": expected grade = "下年重新考评", got "规范化单位"',
    ]);
    // The failure points at the expect line in the scheme, in both languages.
    const src = SKETCH + `example "wrong" {\n  given { org_system: yes, targets_split: yes, missing_reports: 2, dept_score: 80, honors: [] }\n  expect item "材料报送" = 4\n  expect total = 90\n  expect grade = "下年重新考评"\n}`;
    expect(src.slice(o.failures[0].span.start, o.failures[0].span.end)).toBe('expect item "材料报送" = 4');
    expect(o.failures[0].span.file).toBe('t.assess');
    expect(o.failures[0].message.zh).toBe('示例 "wrong"：预期 指标 "材料报送" = 4，实际为 3');
  });
  it('numbers compare exactly as decimals: 3 = 3.0 = 3.00, and 85 is not 84.99', () => {
    const s = schemeOf(
      SKETCH +
        `example "exact" {
  given { org_system: yes, targets_split: yes, missing_reports: 2, dept_score: 80, honors: [] }
  expect item "材料报送" = 3.00
  expect total = 88.0
}
example "close is not equal" {
  given { org_system: yes, targets_split: yes, missing_reports: 2, dept_score: 80, honors: [] }
  expect total = 87.99
}`,
    );
    const os = runExamples(s);
    expect(outcome(os, 'exact').passed).toBe(true);
    expect(failureText(outcome(os, 'close is not equal'))).toEqual(['E0701 example "close is not equal": expected total = 87.99, got 88']);
  });
  it('example values are spelled as in data: 85%, 1.5亿, 是/否', () => {
    const s = schemeOf(`scheme "s" total 15
input { p : percent  sales : number  ok : yes/no }
item "x" max 10: bands sales { < 1亿: 0, else: 5 } + 5 * p
item "y" max 5 { 5 if ok }
example "spellings" {
  given { p: 40%, sales: 1.5亿, ok: 是 }
  expect item "x" = 7
  expect item "y" = 5
}`);
    const [o] = runExamples(s);
    expect(failureText(o)).toEqual([]);
  });
  it('bad example data fails with E0702 naming the field, before anything is scored', () => {
    const s = schemeOf(
      SKETCH +
        `example "bad data" {
  given { org_system: maybe, targets_split: yes, missing_reports: 2, dept_score: 95, honors: [] }
  expect total = 94
}`,
    );
    const [o] = runExamples(s);
    expect(o.passed).toBe(false);
    expect(o.checked).toBe(0);
    expect(o.failures.map((d) => d.code)).toEqual(['E0702', 'E0702']);
    expect(o.failures[0].message.en).toContain('org_system');
    expect(o.failures[1].message.en).toContain('dept_score');
    expect(o.failures[1].message.en).toContain('from 0 to 90');
  });
  it('an evaluation error in an example (ratio target 0) fails with E0702', () => {
    const s = schemeOf(`scheme "s" total 40
input { done : number  target : number }
item "x" max 40: ratio done / target
example "zero target" {
  given { done: 1, target: 0 }
  expect item "x" = 0
}`);
    const [o] = runExamples(s);
    expect(o.passed).toBe(false);
    expect(o.failures.map((d) => d.code)).toEqual(['E0702', 'E0701']);
    expect(o.failures[0].message.en).toContain('target');
    expect(o.failures[1].message.en).toBe('example "zero target": expected item "x" = 0, got an error');
  });
  it('every example of a scheme runs, each on its own', () => {
    const s = schemeOf(
      SKETCH +
        `example "a" {
  given { org_system: yes, targets_split: yes, missing_reports: 0, dept_score: 90, honors: [] }
  expect total = 100
}
example "b" {
  given { org_system: no, targets_split: no, missing_reports: 9, dept_score: 0, honors: [] }
  expect total = 0
  expect grade = "下年重新考评"
}
example "c" {
  given { org_system: no, targets_split: no, missing_reports: 9, dept_score: 0, honors: [] }
  expect total = 1
}`,
    );
    const os = runExamples(s);
    expect(os.map((o) => [o.label, o.passed])).toEqual([
      ['a', true],
      ['b', true],
      ['c', false],
    ]);
  });
});

describe('cohort examples (several units)', () => {
  const cohort = (expects: string) =>
    SKETCH +
    `example "cap prorata across three towns" {
  unit "甲镇" { org_system: yes, targets_split: yes, missing_reports: 0, dept_score: 70,
    honors: [{ project: "桥", level: national, evidence: "a" }, { project: "路", level: province, evidence: "b" }] }
  unit "乙镇" { org_system: yes, targets_split: yes, missing_reports: 0, dept_score: 70,
    honors: [{ project: "桥", level: province, evidence: "a" }, { project: "路", level: district, evidence: "b" }, { project: "水", level: district, evidence: "c" }] }
  unit "丙镇" { org_system: yes, targets_split: yes, missing_reports: 0, dept_score: 70,
    honors: [{ project: "桥", level: city, evidence: "a" }, { project: "路", level: district, evidence: "b" }] }
${expects}
}`;
  it('`expect "name" …` checks each unit of the cohort', () => {
    const s = schemeOf(
      cohort(`  expect "甲镇" bonus = 10
  expect "乙镇" bonus = 5
  expect "丙镇" bonus "项目加分" = 2.5
  expect "甲镇" total = 90
  expect "丙镇" total = 82.5
  expect "乙镇" grade = "规范化单位"
  expect "丙镇" grade = "下年重新考评"`),
    );
    const [o] = runExamples(s);
    expect(failureText(o)).toEqual([]);
    expect(o.checked).toBe(7);
  });
  it('a wrong cohort expectation names the unit', () => {
    const s = schemeOf(cohort(`  expect "乙镇" bonus = 8`));
    const [o] = runExamples(s);
    expect(failureText(o)).toEqual(['E0701 example "cap prorata across three towns": expected "乙镇" bonus = 8, got 5']);
    expect(o.failures[0].message.zh).toContain('"乙镇" 加分');
  });
});

describe('vetoes in examples', () => {
  const VETO = `scheme "s" total 100
input { score : 0..100  deficit_budget : yes/no  accident : yes/no }
item "x" max 100: score
veto "编制赤字预算" if deficit_budget
veto "重大安全事故" if accident
grade {
  veto "不予命名"
  "规范化单位" if total >= 85
  otherwise "下年重新考评"
}
`;
  it('`expect veto "reason"` and `expect not veto` pass when they hold', () => {
    const s = schemeOf(
      VETO +
        `example "vetoed" {
  unit "甲镇" { score: 95, deficit_budget: yes, accident: no }
  unit "乙镇" { score: 95, deficit_budget: no, accident: no }
  unit "丙镇" { score: 50, deficit_budget: yes, accident: yes }
  expect "甲镇" veto "编制赤字预算"
  expect "甲镇" veto
  expect "甲镇" grade = "不予命名"
  expect "甲镇" total = 95
  expect "乙镇" not veto
  expect "乙镇" grade = "规范化单位"
  expect "丙镇" veto "重大安全事故"
  expect "丙镇" veto "编制赤字预算"
}`,
    );
    const [o] = runExamples(s);
    expect(failureText(o)).toEqual([]);
    expect(o.checked).toBe(8);
  });
  it('`expect veto "reason"` fails when the unit is not vetoed, or for another reason', () => {
    const s = schemeOf(
      VETO +
        `example "wrong vetoes" {
  unit "甲镇" { score: 95, deficit_budget: no, accident: no }
  unit "乙镇" { score: 95, deficit_budget: no, accident: yes }
  expect "甲镇" veto "编制赤字预算"
  expect "乙镇" veto "编制赤字预算"
  expect "乙镇" not veto
}`,
    );
    const [o] = runExamples(s);
    expect(failureText(o)).toEqual([
      'E0701 example "wrong vetoes": expected "甲镇" veto "编制赤字预算" = vetoed, got not vetoed',
      'E0701 example "wrong vetoes": expected "乙镇" veto "编制赤字预算" = vetoed, got vetoed for "重大安全事故"',
      'E0701 example "wrong vetoes": expected "乙镇" not veto = not vetoed, got vetoed for "重大安全事故"',
    ]);
  });
  it('a one-unit example with `expect veto`', () => {
    const s = schemeOf(
      VETO +
        `example "given and vetoed" {
  given { score: 95, deficit_budget: yes, accident: no }
  expect veto "编制赤字预算"
  expect grade = "不予命名"
}`,
    );
    const [o] = runExamples(s);
    expect(failureText(o)).toEqual([]);
  });
});

describe('examples with several unit kinds', () => {
  const KINDS = `scheme "s" total 8
unit township "乡镇", subdistrict "街道"
input { done : yes/no }
item "x" max 8: bands unit { township: 8, subdistrict: 5 }
`;
  it('each example unit says its `unit` kind', () => {
    const s = schemeOf(
      KINDS +
        `example "kinds" {
  unit "甲乡" { unit: township, done: yes }
  unit "乙街道" { unit: subdistrict, done: no }
  expect "甲乡" item "x" = 8
  expect "乙街道" total = 5
}`,
    );
    const [o] = runExamples(s);
    expect(failureText(o)).toEqual([]);
    expect(o.checked).toBe(2);
  });
  it('an example unit without its kind fails with E0702', () => {
    const s = schemeOf(
      KINDS +
        `example "no kind" {
  given { done: yes }
  expect total = 8
}`,
    );
    const [o] = runExamples(s);
    expect(failureText(o)).toEqual(['E0702 example "no kind": unit `no kind`, field `unit`: expected one of township, subdistrict, found undefined']);
  });
});

describe('examples in Chinese', () => {
  it('示例 / 给定 / 预期 run the same way', () => {
    const s = schemeOf(`方案 "s" 总分 5
输入 { 少报次数 : 次数 }
指标 "材料报送" 满分 5: 每 少报次数 扣 1
示例 "少报两次" {
  给定 { 少报次数: 2 }
  预期 指标 "材料报送" = 3
  预期 总分 = 3
}
示例 "错误" {
  给定 { 少报次数: 2 }
  预期 总分 = 5
}`);
    const os = runExamples(s);
    expect(outcome(os, '少报两次').passed).toBe(true);
    expect(outcome(os, '错误').failures[0].message.zh).toBe('示例 "错误"：预期 总分 = 5，实际为 3');
  });
});
