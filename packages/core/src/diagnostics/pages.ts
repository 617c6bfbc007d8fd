// Where each diagnostic is explained: one section per code in docs/diagnostics.md (English)
// and docs/zh/诊断.md (Chinese), anchored by the code in lower case (`#e0301`). The terminal
// renderer and the language service link to it; a docs test keeps every code's section there.
import type { Lang } from '../common/text.js';

/** The diagnostics page of each language, relative to the docs folder. */
export const DIAGNOSTIC_PAGES: Readonly<Record<Lang, string>> = { en: 'diagnostics.md', zh: 'zh/诊断.md' };

/** The section of a code, relative to the docs folder: `diagnostics.md#e0301`. */
export function diagnosticPage(code: string, lang: Lang): string {
  return `${DIAGNOSTIC_PAGES[lang]}#${code.toLowerCase()}`;
}
