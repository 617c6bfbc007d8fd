// Snippets, written once in each language: completion offers those of the file's language, and
// the VS Code extension's snippet file is generated from this table.
import type { Lang } from '@assess/core';

export interface Snippet {
  /** Stable id (the extension's snippet name). */
  id: string;
  /** What the snippet writes, in each language (LSP / TextMate snippet syntax). */
  body: Record<Lang, string>;
  description: Record<Lang, string>;
  /** The words that bring it up in completion. */
  prefix: Record<Lang, string>;
}

export const SNIPPETS: Snippet[] = [
  {
    id: 'scheme',
    prefix: { en: 'scheme', zh: '方案' },
    description: { en: 'A scheme skeleton: header, inputs, a section, grades, an example', zh: '方案骨架：标题、输入、小节、等级、示例' },
    body: {
      en: 'scheme "${1:name}" total ${2:100}\n\ninput {\n  ${3:done} : yes/no "${4:label}"\n}\n\nsection "${5:section}" max ${2:100} {\n  item "${6:item}" max ${2:100} {\n    ${2:100} if ${3:done}\n  }\n}\n\ngrade {\n  "${7:pass}" if total >= ${8:60}\n  otherwise "${9:fail}"\n}\n$0',
      zh: '方案 "${1:名称}" 总分 ${2:100}\n\n输入 {\n  ${3:完成} : 是否 "${4:说明}"\n}\n\n小节 "${5:小节}" 满分 ${2:100} {\n  指标 "${6:指标}" 满分 ${2:100} {\n    ${2:100} 若 ${3:完成}\n  }\n}\n\n等级 {\n  "${7:合格}" 若 总分 >= ${8:60}\n  否则 "${9:不合格}"\n}\n$0',
    },
  },
  {
    id: 'section',
    prefix: { en: 'section', zh: '小节' },
    description: { en: 'A section of items', zh: '一个小节' },
    body: { en: 'section "${1:name}" max ${2:10} {\n  $0\n}', zh: '小节 "${1:名称}" 满分 ${2:10} {\n  $0\n}' },
  },
  {
    id: 'item',
    prefix: { en: 'item', zh: '指标' },
    description: { en: 'An item with points per condition', zh: '按条件得分的指标' },
    body: { en: 'item "${1:name}" max ${2:5} {\n  ${3:2} if ${4:condition}\n}', zh: '指标 "${1:名称}" 满分 ${2:5} {\n  ${3:2} 若 ${4:条件}\n}' },
  },
  {
    id: 'deduction',
    prefix: { en: 'deduct', zh: '每' },
    description: { en: 'A deduction: points off per occurrence', zh: '扣分：每发生一次扣若干分' },
    body: { en: 'deduct ${1:1} per ${2:missing_reports}', zh: '每 ${1:少报次数} 扣 ${2:1}' },
  },
  {
    id: 'tiered-bonus',
    prefix: { en: 'bonus', zh: '加分' },
    description: { en: 'A tiered bonus over a list, best per key, capped in proportion', zh: '分级加分：同一项目按最高计，封顶按比例折算' },
    body: {
      en: 'bonus "${1:name}": ${2:honors} with ${3:evidence}, best per ${4:project},\n  ${5:city} ${6:3}, ${7:province} ${8:6}, cap ${9:10} prorata',
      zh: '加分 "${1:名称}"：${2:荣誉} 需 ${3:佐证}，同一 ${4:项目} 取最高，\n  ${5:市级} ${6:3}，${7:省级} ${8:6}，封顶 ${9:10} 按比例',
    },
  },
  {
    id: 'example',
    prefix: { en: 'example', zh: '示例' },
    description: { en: 'An example: given data, expected scores', zh: '示例：给定数据与预期得分' },
    body: {
      en: 'example "${1:name}" {\n  given { ${2:field}: ${3:value} }\n  expect total = ${4:100}\n}',
      zh: '示例 "${1:名称}" {\n  给定 { ${2:字段}: ${3:取值} }\n  预期 总分 = ${4:100}\n}',
    },
  },
];
