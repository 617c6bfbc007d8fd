// E04xx: a `use` that cannot be followed.
import type { Text } from '../../common/text.js';
import { error, q } from './entry.js';

export const imports = {
  E0401: error<{ path: string; reason?: Text }>({
    en: (a) => `cannot read ${q(a.path)}${a.reason ? `: ${a.reason.en}` : ''}`,
    zh: (a) => `无法读取 ${q(a.path)}${a.reason ? `：${a.reason.zh}` : ''}`,
  }),
  E0402: error<{ path: string; cycle?: string }>({
    en: (a) => (a.cycle ? `${q(a.path)} uses itself: ${a.cycle}` : `${q(a.path)} is this file: a scheme cannot use itself`),
    zh: (a) => (a.cycle ? `${q(a.path)} 循环引用了自身：${a.cycle}` : `${q(a.path)} 就是本文件：方案不能引用自身`),
    hint: (a) => (a.cycle ? { en: 'remove one of the `use` lines in the cycle', zh: '请删除循环中的某一条 `引用`' } : { en: 'remove this `use` line', zh: '请删除这一行 `引用`' }),
  }),
  E0403: error<{ path: string }>({
    en: (a) => `${q(a.path)} has errors`,
    zh: (a) => `${q(a.path)} 中有错误`,
  }),
  E0404: error<{ name: string; here: Text; there: Text; path: string }>({
    en: (a) => `input ${q(a.name)} is ${a.here.en} here but ${a.there.en} in ${q(a.path)}`,
    zh: (a) => `输入 ${q(a.name)} 在此处为${a.here.zh}，在 ${q(a.path)} 中为${a.there.zh}`,
  }),
};
