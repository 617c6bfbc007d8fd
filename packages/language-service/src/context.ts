// What every feature reads: one compiled file and how to speak about its positions.
import type { Compiled, Lang, SemanticModel } from '@assess/core';
import type { Positions } from './positions.js';

export interface FileContext {
  uri: string;
  /** The path the program knows the file by (spans without a file are in it). */
  path: string;
  compiled: Compiled;
  model: SemanticModel;
  /** The language of messages. */
  lang: Lang;
  /** The docs folder diagnostics link to, if any. */
  docsUrl?: string;
  /** The language the file is written in (its keywords), else the language of messages. */
  fileLang: Lang;
  positions: Positions;
  /** Positions in another file the compilation read (an import), if it was read. */
  positionsOf(path: string): Positions | undefined;
  uriOf(path: string): string;
  /** Another text compiled as this file would be (a rename tried before it is offered); the program is left as it is. */
  compileAs(text: string): Compiled;
}

/** Is a span in this file? (Spans without a file are.) */
export function inThisFile(cx: FileContext, span: { file?: string }): boolean {
  return span.file === undefined || span.file === cx.path;
}
