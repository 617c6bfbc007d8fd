// Text shown to people, always in both languages.

export type Lang = 'en' | 'zh';

/** A message in English and Chinese. */
export interface Text {
  en: string;
  zh: string;
}

export const text = (en: string, zh: string): Text => ({ en, zh });

/** The same words in both languages (a number, a name, a quoted label). */
export const same = (s: string): Text => ({ en: s, zh: s });

/** `a, b or c` / `a、b 或 c`. */
export function listOr(words: string[], lang: Lang): string {
  if (words.length <= 1) return words[0] ?? '';
  const last = words[words.length - 1];
  return lang === 'en' ? `${words.slice(0, -1).join(', ')} or ${last}` : `${words.slice(0, -1).join('、')} 或 ${last}`;
}
