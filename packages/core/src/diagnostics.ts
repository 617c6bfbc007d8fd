// Diagnostics are data. Every pass produces them; renderers (terminal, JSON, LSP) show them.
// Each code has one entry in the catalog below, with its message in English and Chinese.

export interface Span {
  /** UTF-16 offset of the first character. */
  start: number;
  /** UTF-16 offset one past the last character. */
  end: number;
  /** The file the span is in; absent means the file being checked. */
  file?: string;
}

export type Lang = 'en' | 'zh';
/** A message in both languages. */
export interface Text {
  en: string;
  zh: string;
}

export type Severity = 'error' | 'warning';

export interface Label {
  span: Span;
  message: Text;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  span: Span;
  message: Text;
  labels: Label[];
  hint?: Text;
}

type Args = Record<string, string | number | undefined>;
interface CatalogEntry {
  severity: Severity;
  en: (a: Args) => string;
  zh: (a: Args) => string;
  hintEn?: (a: Args) => string | undefined;
  hintZh?: (a: Args) => string | undefined;
}

const q = (s: unknown) => `\`${s}\``;
const didYouMean = {
  hintEn: (a: Args) => (a.suggestion ? `did you mean ${q(a.suggestion)}?` : a.hint ? String(a.hint) : undefined),
  hintZh: (a: Args) => (a.suggestion ? `是不是要写 ${q(a.suggestion)}？` : a.hintZh ? String(a.hintZh) : undefined),
};

/**
 * Every diagnostic the toolchain can produce. Codes are stable: E = error, W = warning;
 * E00xx syntax, E01xx names, E02xx types, E03xx points and structure, E04xx imports,
 * E05xx data, E06xx evaluation, E07xx examples.
 */
export const CATALOG = {
  // ── syntax ─────────────────────────────────────────────────────────
  E0001: {
    severity: 'error',
    en: (a) => `unexpected character ${q(a.text)}`,
    zh: (a) => `无法识别的字符 ${q(a.text)}`,
    hintEn: (a) => (a.hint ? `use the half-width ${q(a.hint)}` : 'remove it, or put it inside a quoted label'),
    hintZh: (a) => (a.hint ? `请改用半角的 ${q(a.hint)}` : '删除它，或者把它放进带引号的名称里'),
  },
  E0002: {
    severity: 'error',
    en: (a) => `expected ${a.expected}, found ${a.found}`,
    zh: (a) => `这里应为 ${a.expectedZh ?? a.expected}，实际是 ${a.found}`,
    hintEn: (a) => (a.hint ? String(a.hint) : undefined),
    hintZh: (a) => (a.hintZh ? String(a.hintZh) : undefined),
  },
  E0004: {
    severity: 'error',
    en: () => 'a scheme starts with `scheme "name" total N`',
    zh: () => '方案文件应以 `方案 "名称" 总分 N` 开头',
  },
  E0005: {
    severity: 'error',
    en: (a) => `the file is too large (${a.size} characters; the limit is ${a.limit})`,
    zh: (a) => `文件过大（${a.size} 个字符，上限 ${a.limit}）`,
  },
  E0006: {
    severity: 'error',
    en: (a) => `nesting is too deep (more than ${a.limit} levels)`,
    zh: (a) => `嵌套层数过多（超过 ${a.limit} 层）`,
  },
  E0007: {
    severity: 'error',
    en: (a) => `${q(a.name)} is defined twice`,
    zh: (a) => `${q(a.name)} 重复定义`,
    hintEn: () => 'give one of them another name',
    hintZh: () => '请给其中一个换个名字',
  },
  E0008: {
    severity: 'error',
    en: (a) => `there is more than one ${a.what} block`,
    zh: (a) => `出现了多个 ${a.whatZh} 块`,
    hintEn: () => 'merge them into one',
    hintZh: () => '请合并为一个',
  },
  // ── names ──────────────────────────────────────────────────────────
  E0101: {
    severity: 'error',
    en: (a) => `unknown name ${q(a.name)}`,
    zh: (a) => `未定义的名称 ${q(a.name)}`,
    ...didYouMean,
  },
  E0102: {
    severity: 'error',
    en: (a) => `${q(a.name)} is not a member of ${q(a.enum)}`,
    zh: (a) => `${q(a.name)} 不是 ${q(a.enum)} 的取值`,
    hintEn: (a) => (a.suggestion ? `did you mean ${q(a.suggestion)}? the members are ${a.members}` : `the members are ${a.members}`),
    hintZh: (a) => (a.suggestion ? `是不是要写 ${q(a.suggestion)}？可选值为 ${a.members}` : `可选值为 ${a.members}`),
  },
  E0103: {
    severity: 'error',
    en: (a) => `${q(a.name)} has no field ${q(a.field)}`,
    zh: (a) => `${q(a.name)} 没有字段 ${q(a.field)}`,
    ...didYouMean,
  },
  E0104: {
    severity: 'error',
    en: (a) => `${q(a.name)} is defined in terms of itself: ${a.cycle}`,
    zh: (a) => `${q(a.name)} 的定义引用了自身：${a.cycle}`,
  },
  E0105: {
    severity: 'error',
    en: (a) => `no ${a.what} is labelled "${a.label}"`,
    zh: (a) => `没有名为 "${a.label}" 的${a.whatZh}`,
    ...didYouMean,
  },
  E0106: {
    severity: 'error',
    en: (a) => `the tier ${q(a.name)} does not fit any input`,
    zh: (a) => `档次 ${q(a.name)} 找不到对应的输入`,
    hintEn: () => 'name the list or field first: `honors, city 3, province 6`',
    hintZh: () => '请先写出列表或字段：`荣誉, 市级 3, 省级 6`',
  },
  E0107: {
    severity: 'error',
    en: (a) => `the tiers fit more than one input (${a.candidates})`,
    zh: (a) => `这些档次可对应多个输入（${a.candidates}）`,
    hintEn: (a) => `name the one you mean first: \`${a.first}, …\``,
    hintZh: (a) => `请先写出要用的那个：\`${a.first}, …\``,
  },
  // ── types ──────────────────────────────────────────────────────────
  E0201: {
    severity: 'error',
    en: (a) => `${a.what} needs ${a.expected}, but ${q(a.expr)} is ${a.actual}`,
    zh: (a) => `${a.whatZh} 需要${a.expectedZh}，但 ${q(a.expr)} 是${a.actualZh}`,
    hintEn: (a) => (a.hint ? String(a.hint) : undefined),
    hintZh: (a) => (a.hintZh ? String(a.hintZh) : undefined),
  },
  E0202: {
    severity: 'error',
    en: (a) => `cannot compare ${a.left} with ${a.right}`,
    zh: (a) => `不能比较${a.leftZh}与${a.rightZh}`,
  },
  E0203: {
    severity: 'error',
    en: (a) => `${q(a.name)} may be absent (it is optional); say what counts when it is not submitted`,
    zh: (a) => `${q(a.name)} 是可选字段，可能未填报；请写明未填报时按多少计`,
    hintEn: (a) => `write \`${a.name} ?? 0\` (not submitted is not the same as 0)`,
    hintZh: (a) => `写成 \`${a.name} ?? 0\`（未填报不等于 0）`,
  },
  E0204: {
    severity: 'error',
    en: (a) => `${q(a.fn)} works over a list, but ${q(a.expr)} is ${a.actual}`,
    zh: (a) => `${q(a.fn)} 只能用于列表，但 ${q(a.expr)} 是${a.actualZh}`,
  },
  E0205: {
    severity: 'error',
    en: (a) => `the range ${a.low}..${a.high} is empty`,
    zh: (a) => `范围 ${a.low}..${a.high} 为空`,
  },
  // ── points and structure ───────────────────────────────────────────
  E0301: {
    severity: 'error',
    en: (a) => `the items of section "${a.section}" add up to ${a.sum}, but the section's max is ${a.max}`,
    zh: (a) => `小节 "${a.section}" 各指标满分合计 ${a.sum}，与小节满分 ${a.max} 不符`,
    hintEn: (a) => `${a.parts}`,
    hintZh: (a) => `${a.parts}`,
  },
  E0302: {
    severity: 'error',
    en: (a) => `the sections add up to ${a.sum}, but the scheme's total is ${a.total}`,
    zh: (a) => `各小节满分合计 ${a.sum}，与方案总分 ${a.total} 不符`,
    hintEn: (a) => `${a.parts}`,
    hintZh: (a) => `${a.parts}`,
  },
  E0303: {
    severity: 'error',
    en: (a) => `the section weights add up to ${a.sum}, not 100%`,
    zh: (a) => `各小节权重合计 ${a.sum}，不是 100%`,
    hintEn: (a) => `${a.parts}`,
    hintZh: (a) => `${a.parts}`,
  },
  E0304: {
    severity: 'error',
    en: () => 'some sections have a weight and others do not',
    zh: () => '部分小节设了权重，部分没有',
    hintEn: () => 'give every section a weight, or none',
    hintZh: () => '要么每个小节都设权重，要么都不设',
  },
  E0305: {
    severity: 'error',
    en: (a) => `${a.what} needs a max`,
    zh: (a) => `${a.whatZh} 需要设满分`,
    hintEn: () => 'write `max N` after the label',
    hintZh: () => '请在名称后写 `满分 N`',
  },
  E0307: {
    severity: 'error',
    en: () => 'a linear scale needs its points in increasing order',
    zh: () => '线性计分的各点须按从小到大排列',
  },
  E0308: {
    severity: 'error',
    en: (a) => `a grade block may have only one ${a.what} line`,
    zh: (a) => `等级块中只能有一行 ${a.whatZh}`,
  },
  E0309: {
    severity: 'error',
    en: (a) => `${a.what} must be more than 0`,
    zh: (a) => `${a.whatZh} 必须大于 0`,
  },
  W0301: {
    severity: 'warning',
    en: (a) => `item "${a.item}" can never reach its max ${a.max} (at most ${a.high})`,
    zh: (a) => `指标 "${a.item}" 永远达不到满分 ${a.max}（最多 ${a.high}）`,
    hintEn: () => 'check the rule, or lower the max',
    hintZh: () => '请检查规则，或降低满分',
  },
  W0302: {
    severity: 'warning',
    en: (a) => `this ${a.what === 'apply' ? 'grade line' : 'rule'} can never ${a.what}`,
    zh: (a) => `${a.what === 'apply' ? '这一等级条件永远不会' : '这条规则永远不会'}${a.whatZh}`,
    hintEn: (a) => (a.why ? String(a.why) : undefined),
    hintZh: (a) => (a.whyZh ? String(a.whyZh) : undefined),
  },
  W0303: {
    severity: 'warning',
    en: (a) => `input ${q(a.name)} is never used`,
    zh: (a) => `输入 ${q(a.name)} 没有被使用`,
    hintEn: () => 'remove it, or use it in a rule',
    hintZh: () => '删除它，或在规则中使用它',
  },
  W0304: {
    severity: 'warning',
    en: () => 'the scheme has vetoes but its grade block has no `veto` line, so a vetoed unit gets no grade',
    zh: () => '方案设有一票否决，但等级块中没有 `否决` 行，被否决的单位将没有等级',
    hintEn: () => 'add a line such as `veto "不予命名"`',
    hintZh: () => '加一行，如 `否决 "不予命名"`',
  },
  W0305: {
    severity: 'warning',
    en: () => 'no grade line matches some totals, so those units get no grade',
    zh: () => '部分总分没有对应的等级行，这些单位将没有等级',
    hintEn: () => 'end the grade block with `otherwise "…"`',
    hintZh: () => '在等级块末尾加 `否则 "…"`',
  },
  W0306: {
    severity: 'warning',
    en: (a) => `the named value ${q(a.name)} (\`let\`) is never used`,
    zh: (a) => `命名值 ${q(a.name)}（\`设\`）没有被使用`,
    hintEn: () => 'remove it, or use it in a rule',
    hintZh: () => '删除它，或在规则中使用它',
  },
  // ── imports ────────────────────────────────────────────────────────
  E0401: {
    severity: 'error',
    en: (a) => `cannot read ${q(a.path)}${a.reason ? `: ${a.reason}` : ''}`,
    zh: (a) => `无法读取 ${q(a.path)}${a.reason ? `：${a.reason}` : ''}`,
  },
  E0402: {
    severity: 'error',
    en: (a) => `${q(a.path)} uses itself: ${a.cycle}`,
    zh: (a) => `${q(a.path)} 循环引用了自身：${a.cycle}`,
    hintEn: () => 'remove one of the `use` lines in the cycle',
    hintZh: () => '请删除循环中的某一条 `引用`',
  },
  E0403: {
    severity: 'error',
    en: (a) => `${q(a.path)} has errors`,
    zh: (a) => `${q(a.path)} 中有错误`,
  },
  E0404: {
    severity: 'error',
    en: (a) => `input ${q(a.name)} is ${a.here} here but ${a.there} in ${q(a.path)}`,
    zh: (a) => `输入 ${q(a.name)} 在此处为${a.hereZh}，在 ${q(a.path)} 中为${a.thereZh}`,
  },
  // ── data ───────────────────────────────────────────────────────────
  E0501: {
    severity: 'error',
    en: (a) => `unit ${q(a.unit)}, field ${q(a.field)}: expected ${a.expected}, found ${a.found}`,
    zh: (a) => `单位 ${q(a.unit)} 的 ${q(a.field)}：应为${a.expectedZh}，实际是 ${a.found}`,
  },
  E0502: {
    severity: 'error',
    en: (a) => `unit ${q(a.unit)} has no value for ${q(a.field)} (expected ${a.expected})`,
    zh: (a) => `单位 ${q(a.unit)} 缺少 ${q(a.field)}（应为${a.expectedZh}）`,
    hintEn: () => 'fill it in, or declare the field `optional` in the scheme',
    hintZh: () => '请补填，或在方案中将该字段声明为 `可选`',
  },
  E0503: {
    severity: 'error',
    en: (a) => `two units have the id ${q(a.id)} (${a.first} and ${a.row})`,
    zh: (a) => `有两个单位的编号都是 ${q(a.id)}（${a.first} 与 ${a.row}）`,
    hintEn: () => 'every unit needs its own id',
    hintZh: () => '每个单位的编号必须唯一',
  },
  E0504: {
    severity: 'error',
    en: (a) => `unit ${a.row} has no \`id\``,
    zh: (a) => `第 ${String(a.row).slice(1)} 个单位缺少 \`id\``,
  },
  E0505: {
    severity: 'error',
    en: (a) => `${a.what}`,
    zh: (a) => `${a.whatZh}`,
  },
  E0507: {
    severity: 'error',
    en: (a) => `too many units (${a.count}; the limit is ${a.limit})`,
    zh: (a) => `单位过多（${a.count} 个，上限 ${a.limit}）`,
  },
  W0501: {
    severity: 'warning',
    en: (a) => `the data has a field ${q(a.field)} that the scheme does not declare (first seen in unit ${q(a.unit)}); it is ignored`,
    zh: (a) => `数据中有方案未声明的字段 ${q(a.field)}（首见于单位 ${q(a.unit)}），已忽略`,
  },
  // ── evaluation ─────────────────────────────────────────────────────
  E0601: {
    severity: 'error',
    en: (a) => `unit ${q(a.unit)}: division by zero in ${q(a.expr)}`,
    zh: (a) => `单位 ${q(a.unit)}：${q(a.expr)} 中除数为零`,
  },
  E0602: {
    severity: 'error',
    en: (a) => `unit ${q(a.unit)}: the target of ${q(a.item)} is 0, and the scheme does not say what that scores`,
    zh: (a) => `单位 ${q(a.unit)}：${q(a.item)} 的目标值为 0，方案未规定此时如何计分`,
    hintEn: () => 'add `, if zero N` to the ratio',
    hintZh: () => '请在比例规则后加 `, 为零时 N`',
  },
  // ── examples ───────────────────────────────────────────────────────
  E0701: {
    severity: 'error',
    en: (a) => `example "${a.example}": expected ${a.target} = ${a.expected}, got ${a.actual}`,
    zh: (a) => `示例 "${a.example}"：预期 ${a.targetZh} = ${a.expected}，实际为 ${a.actual}`,
  },
  E0702: {
    severity: 'error',
    en: (a) => `example "${a.example}": ${a.what}`,
    zh: (a) => `示例 "${a.example}"：${a.whatZh}`,
  },
} satisfies Record<string, CatalogEntry>;

export type Code = keyof typeof CATALOG;

/** Build a diagnostic from the catalog. */
export function diag(code: Code, span: Span, args: Args = {}, labels: Label[] = []): Diagnostic {
  const entry: CatalogEntry = CATALOG[code];
  const d: Diagnostic = {
    code,
    severity: entry.severity,
    span,
    message: { en: entry.en(args), zh: entry.zh(args) },
    labels,
  };
  const hEn = entry.hintEn?.(args);
  const hZh = entry.hintZh?.(args);
  if (hEn || hZh) d.hint = { en: hEn ?? hZh ?? '', zh: hZh ?? hEn ?? '' };
  return d;
}

export function label(span: Span, en: string, zh: string): Label {
  return { span, message: { en, zh } };
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}

/** Sort by file (the root file first), then position, then code: a stable order for rendering and golden files. */
export function sortDiagnostics(ds: Diagnostic[], root?: string): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.span.file === undefined || d.span.file === root ? 0 : 1);
  return [...ds].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.span.file ?? '').localeCompare(b.span.file ?? '') ||
      a.span.start - b.span.start ||
      a.code.localeCompare(b.code),
  );
}
