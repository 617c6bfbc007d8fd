// Thousands of random edits through the protocol (insertions, deletions, pastes of other
// examples' text, with completion and hover requests between them): afterwards the server is
// alive and its diagnostics are those of a fresh `assess check` of the final text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '@assess/core';
import { assessFiles } from '@assess/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { TestClient } from './test-client.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLES = assessFiles(join(repo, 'examples')).sort().map((f) => readFileSync(f, 'utf8'));
const PIECES = ['满分', '每', '扣', ' ', '\n', '{', '}', '"', '“', '”', '（', '）', ':', '：', ',', '，', 'if', 'max', 'item', '指标', '若', '1', '0.5', '%', '#', 'x', '少报次数', '..', '?? 0', '=', '>='];

/** One edit, drawn by fast-check: what to do, and where (fractions of the text's length). */
const EDIT = fc.record({
  kind: fc.nat(9),
  at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  length: fc.nat(30),
  piece: fc.nat(PIECES.length - 1),
  example: fc.nat(EXAMPLES.length - 1),
  from: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  back: fc.nat(40),
});

const EDITS = Number(process.env.EDITS ?? 2000);
const BURST = 40;

describe('random edits', () => {
  it.each([1, 2])(`%i: ${EDITS} edits leave a live server whose diagnostics equal a fresh check`, async (seed) => {
    const uri = `file:///random/${seed}.assess`;
    const client = await TestClient.start({ locale: 'en' });
    let doc = TextDocument.create(uri, 'assess', 1, EXAMPLES[seed % EXAMPLES.length]);
    await client.open(uri, doc.getText());
    const steps = fc.sample(EDIT, { seed, numRuns: EDITS });
    for (const [i, e] of steps.entries()) {
      const text = doc.getText();
      const at = Math.floor(e.at * (text.length + 1));
      let start = at;
      let end = at;
      let insert = '';
      if (e.kind < 4) insert = PIECES[e.piece];
      else if (e.kind < 8) end = Math.min(text.length, at + 1 + e.length);
      else {
        const other = EXAMPLES[e.example];
        const from = Math.floor(e.from * other.length);
        insert = other.slice(from, from + 1 + e.length * 3);
        if (e.kind === 9) start = Math.max(0, at - e.back); // a paste over a selection
      }
      const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
      doc = TextDocument.update(doc, [{ range, text: insert }], doc.version + 1);
      await client.edit(uri, range, insert);
      if (i % BURST === BURST - 1) {
        // Requests between bursts, at a random place: answered, whatever the text.
        const position = doc.positionAt(Math.floor(e.from * (doc.getText().length + 1)));
        await client.request('textDocument/completion', { textDocument: { uri }, position });
        await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
      }
    }
    const final = await client.nextDiagnostics(uri, doc.version);
    const text = doc.getText();
    const fresh = compile(fileURLToPath(uri), text).diagnostics.filter((d) => d.span.file === undefined || d.span.file === fileURLToPath(uri));
    const asOffsets = (ds: Diagnostic[]) => ds.map((d) => [d.code, doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)]);
    expect(asOffsets(final)).toEqual(fresh.map((d) => [d.code, d.span.start, Math.max(d.span.start, d.span.end)]));
    expect(final.map((d) => d.message.split('\n')[0])).toEqual(fresh.map((d) => d.message.en));
    // Alive: it still answers.
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(Array.isArray(symbols)).toBe(true);
    client.dispose();
  });
});
