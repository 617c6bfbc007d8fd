// Values as units submit them: numbers with 万/亿/%, thousands separators, yes/no in both
// languages. Shared by validation in @assess/core and by compiled schemes.
import { Decimal } from './decimal.js';
import { NUMBER_TEXT, numberValue } from './numbers.js';

/** Limits on untrusted data. */
export const DATA_LIMITS = { maxUnits: 5_000_000, maxListEntries: 10_000, maxTextLength: 10_000 };

export const YES = new Set(['yes', 'true', '1', '是', 'y', '√']);
export const NO = new Set(['no', 'false', '0', '否', 'n', '×', '']);

/**
 * A submitted number as an exact decimal: a JSON number (its shortest round-trip text), or
 * text such as `12`, ` 1,200 `, `1.5亿`, `85%`. Undefined when it is not a number.
 */
export function toDecimal(v: unknown): Decimal | undefined {
  if (typeof v === 'number') return Decimal.fromNumber(v);
  if (typeof v === 'string') {
    // Plain `-?\d+(\.\d+)?` (most cells) parses directly to the same value; anything else
    // (spaces, commas, 万/亿/%, too many written fraction zeros) takes the general path.
    const direct = Decimal.parse(v);
    if (direct !== undefined) return direct;
    let t = v.trim();
    // Commas only as thousands separators (`1,200`, `12,345.5`): `1,2,3` is no number.
    if (t.includes(',')) {
      if (!THOUSANDS.test(t)) return undefined;
      t = t.replace(/,/g, '');
    }
    if (!NUMBER_TEXT.test(t)) return undefined;
    return Decimal.parse(numberValue(t));
  }
  return undefined;
}

const THOUSANDS = /^-?\d{1,3}(,\d{3})+(\.\d+)?(万|亿)?%?$/;

/** A percentage: 85, "85" and "85%" are all 0.85. */
export function toPercent(v: unknown): Decimal | undefined {
  if (typeof v === 'string' && v.trim().endsWith('%')) {
    const rest = v.trim().slice(0, -1);
    // One percent sign: `85%%` is no percentage.
    return rest.endsWith('%') ? undefined : toDecimal(rest)?.divPow10(2);
  }
  return toDecimal(v)?.divPow10(2);
}

/** yes/no as submitted: a JSON boolean, 1/0, or yes, no, true, false, 是, 否, y, n, √, × (any case). */
export function toYesNo(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  // The spellings most cells have, without making a new string to look up.
  if (v === 'yes' || v === '是' || v === 'true' || v === '1') return true;
  if (v === 'no' || v === '否' || v === 'false' || v === '0') return false;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return undefined;
  } else if (typeof v !== 'string') return undefined;
  const s = String(v).trim().toLowerCase();
  if (YES.has(s)) return true;
  if (NO.has(s) && s !== '') return false;
  return undefined;
}

/** Not submitted: absent, null, or only white space. */
export function isAbsent(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v !== 'string') return false;
  // Most cells start with a printable ASCII character: no need to trim them.
  const c = v.length > 0 ? v.charCodeAt(0) : 0;
  return !(c > 32 && c < 127) && v.trim() === '';
}

/** A bad value as messages show it: `"maybe"`, `95`, `a list`. */
/** What `describeFound` says of a value, in both languages: its words for a kind of value are English, a value as written is the same in both. */
export function foundText(found: string): { en: string; zh: string } {
  return { en: found, zh: FOUND_ZH[found] ?? found };
}

const FOUND_ZH: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  'a list': '列表',
  'a record': '记录',
  'a function': '函数',
  'a symbol': '符号',
  'a whole number of more than 40 digits': '超过 40 位的整数',
});

export function describeFound(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a record';
  // By its kind, never by its own text: a function's `toString` is the caller's code, a symbol's
  // description and a big integer's digits may be of any length.
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'symbol') return 'a symbol';
  if (typeof v === 'bigint') return v > -(10n ** 40n) && v < 10n ** 40n ? `${v}n` : 'a whole number of more than 40 digits';
  return String(v);
}
