// The words the language service itself adds (hover headings, inlay hints, outline), in
// both languages. Messages about a scheme come from the core's diagnostic catalog.
import type { Lang, Text } from '@assess/core';

export const WORDS = {
  input: { en: 'input', zh: '输入' },
  entryField: { en: 'field of each entry', zh: '列表项字段' },
  let: { en: 'let', zh: '设' },
  section: { en: 'section', zh: '小节' },
  item: { en: 'item', zh: '指标' },
  bonus: { en: 'bonus', zh: '加分' },
  penalty: { en: 'penalty', zh: '减分' },
  veto: { en: 'veto', zh: '一票否决' },
  grade: { en: 'grade', zh: '等级' },
  import: { en: 'imported scheme', zh: '引用的方案' },
  member: { en: 'a value of', zh: '的一个取值' },
  unitKind: { en: 'unit kind', zh: '单位类型' },
  optional: { en: 'optional: may be absent', zh: '可选：可以缺省' },
  required: { en: 'required', zh: '必填' },
  type: { en: 'type', zh: '类型' },
  max: { en: 'max', zh: '满分' },
  range: { en: 'possible scores', zh: '可能得分' },
  itemsSum: { en: 'sum of its items’ maxima', zh: '各指标满分合计' },
  weight: { en: 'weight', zh: '权重' },
  unbounded: { en: 'no upper bound', zh: '无上限' },
  items: { en: 'items', zh: '指标合计' },
} satisfies Record<string, Text>;

export function word(w: keyof typeof WORDS, lang: Lang): string {
  return WORDS[w][lang];
}
