// @assess/language-service — the one Assess language service, with LSP types. No platform API:
// the language server (Node, stdio) and the browser studio (a Web Worker) call the same object.
export { LanguageService, type ServiceOptions } from './service.js';
export { fileLanguage } from './file-language.js';
export { SNIPPETS, type Snippet } from './snippets.js';
export { snippetLabel } from './completion.js';
export { KEYWORD_MEANINGS_ZH } from './keyword-meanings.js';
export type { RunResult } from './run.js';
export type { ClassifiedToken, OffsetDiagnostic, OffsetEdit, TokenClass } from './editor.js';
