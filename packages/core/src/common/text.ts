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

/**
 * The characters that change the direction of the text around them (Unicode's embeddings,
 * overrides and isolates: U+202A–U+202E, U+2066–U+2069), as the body of a regular expression's
 * class. A scheme may not hold them (E0015); a terminal is never shown them (`printable`).
 */
export const DIRECTION_CONTROLS = '\u202a-\u202e\u2066-\u2069';
