// Offsets (what the core speaks: UTF-16 code units) ↔ LSP positions (line and UTF-16
// character). The same unit on both sides, so a conversion is a line lookup.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';

/** A text with its line starts, for converting spans; documents that are not open get one too. */
export class Positions {
  private readonly doc: TextDocument;
  constructor(readonly text: string) {
    this.doc = TextDocument.create('', '', 0, text);
  }
  range(span: { start: number; end: number }): Range {
    return { start: this.doc.positionAt(span.start), end: this.doc.positionAt(Math.max(span.start, span.end)) };
  }
  offset(position: { line: number; character: number }): number {
    return this.doc.offsetAt(position);
  }
  position(offset: number) {
    return this.doc.positionAt(offset);
  }
}
