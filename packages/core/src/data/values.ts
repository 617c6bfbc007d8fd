// Values as units submit them: numbers with 万/亿/%, thousands separators, yes/no in both
// languages. And what each declared field expects, in words, for messages.
import { Decimal } from '../common/decimal.js';
import { NUMBER_TEXT, numberValue } from '../common/numbers.js';
import type { Text } from '../common/text.js';
import type { FieldType } from '../ir/plan.js';

/** A value of one field of one unit. `undefined` is "not submitted". */
export type Value = Decimal | boolean | string | Rec[] | undefined;
/** One entry of a list field (null prototype, declared keys only). */
export type Rec = { [field: string]: Value };

/** Limits on untrusted data. */
export const DATA_LIMITS = { maxUnits: 5_000_000, maxListEntries: 10_000, maxTextLength: 10_000 };

export const YES = new Set(['yes', 'true', '1', '是', 'y', '√']);
export const NO = new Set(['no', 'false', '0', '否', 'n', '×', '']);

export function toDecimal(v: unknown): Decimal | undefined {
  if (typeof v === 'number') return Decimal.fromNumber(v);
  if (typeof v === 'string') {
    const t = v.trim().replace(/,/g, '');
    if (!NUMBER_TEXT.test(t)) return undefined;
    return Decimal.parse(numberValue(t));
  }
  return undefined;
}

export function toPercent(v: unknown): Decimal | undefined {
  if (typeof v === 'string' && v.trim().endsWith('%')) {
    const d = toDecimal(v.trim().slice(0, -1));
    return d?.div(Decimal.HUNDRED);
  }
  return toDecimal(v)?.div(Decimal.HUNDRED);
}

/** What a field expects, in both languages, for messages. */
export function expectedText(t: FieldType, grades: string[]): Text {
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
