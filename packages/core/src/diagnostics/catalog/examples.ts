// E07xx: an example block of the scheme does not hold.
import type { Text } from '../../common/text.js';
import { error } from './entry.js';

export const examples = {
  E0701: error<{ example: string; target: Text; expected: string; actual: Text }>({
    en: (a) => `example "${a.example}": expected ${a.target.en} = ${a.expected}, got ${a.actual.en}`,
    zh: (a) => `示例 "${a.example}"：预期 ${a.target.zh} = ${a.expected}，实际为 ${a.actual.zh}`,
  }),
  E0702: error<{ example: string; problem: { k: 'data'; message: Text } | { k: 'noUnit'; unit: string } }>({
    en: (a) => `example "${a.example}": ${a.problem.k === 'data' ? a.problem.message.en : `no unit "${a.problem.unit}" in this example`}`,
    zh: (a) => `示例 "${a.example}"：${a.problem.k === 'data' ? a.problem.message.zh : `本示例中没有单位 "${a.problem.unit}"`}`,
  }),
};
