// What each declared field expects, in words, for messages. Reading values as units submit
// them (numbers with 万/亿/%, yes/no in both languages) is @assess/runtime's.
import type { FieldType as RuntimeFieldType } from '@assess/runtime';
import type { Text } from '../common/text.js';

export { DATA_LIMITS, YES, NO, toDecimal, toPercent } from '@assess/runtime';

/** What a field expects, in both languages, for messages. */
export function expectedText(t: RuntimeFieldType | 'record', grades: readonly string[]): Text {
  if (t === 'record') return { en: 'a record', zh: '记录' };
  switch (t.k) {
    case 'yesno':
      return { en: 'yes or no', zh: '是或否' };
    case 'count':
      return { en: 'a whole number, 0 or more', zh: '不小于 0 的整数' };
    case 'integer':
    case 'number': {
      const what = t.k === 'integer' ? { en: 'a whole number', zh: '整数' } : { en: 'a number', zh: '数值' };
      if (!t.range) return what;
      return { en: `${what.en} from ${t.range.lowText} to ${t.range.highText}`, zh: `${t.range.lowText} 到 ${t.range.highText} 之间的${what.zh}` };
    }
    case 'percent':
      return { en: 'a percentage such as 85 or "85%"', zh: '百分比，如 85 或 "85%"' };
    case 'text':
      return { en: 'text', zh: '文本' };
    case 'grade':
      return { en: `one of the grades ${grades.join(', ')}`, zh: `等级之一：${grades.join('、')}` };
    case 'enum':
      return { en: `one of ${t.members.join(', ')}`, zh: `以下之一：${t.members.join('、')}` };
    case 'list':
      return { en: 'a list of records', zh: '记录列表' };
  }
}
