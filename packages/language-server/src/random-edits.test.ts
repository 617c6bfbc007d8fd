// Thousands of random edits through the protocol (insertions, deletions, pastes of other
// examples' text, with completion and hover requests between them): afterwards the server is
// alive and its diagnostics are those of a fresh `assess check` of the final text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '@assess/core';
import { assessFiles } from '@assess/testing';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { TestClient } from './testing/client.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLES = assessFiles(join(repo, 'examples')).sort().map((f) => readFileSync(f, 'utf8'));
const PIECES = ['满分', '每', '扣', ' ', '\n', '{', '}', '"', '“', '”', '（', '）', ':', '：', ',', '，', 'if', 'max', 'item', '指标', '若', '1', '0.5', '%', '#', 'x', '少报次数', '..', '?? 0', '=', '>='];

/** A small seeded generator (mulberry32): the same edits on every run. */
function random(seed: number) {
  let a = seed;
  return (n: number) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const EDITS = Number(process.env.EDITS ?? 2000);
const BURST = 40;

describe('random edits', () => {
  it.each([1, 2])(`%i: ${EDITS} edits leave a live server whose diagnostics equal a fresh check`, async (seed) => {
    const pick = random(seed);
    const uri = `file:///random/${seed}.assess`;
    const client = await TestClient.start({ locale: 'en' });
    let doc = TextDocument.create(uri, 'assess', 1, EXAMPLES[seed % EXAMPLES.length]);
    await client.open(uri, doc.getText());
    for (let i = 0; i < EDITS; i++) {
      const text = doc.getText();
      const at = pick(text.length + 1);
      const kind = pick(10);
      let start = at;
      let end = at;
      let insert = '';
      if (kind < 4) insert = PIECES[pick(PIECES.length)];
      else if (kind < 8) end = Math.min(text.length, at + 1 + pick(30));
      else {
        const other = EXAMPLES[pick(EXAMPLES.length)];
        const from = pick(other.length);
        insert = other.slice(from, from + 1 + pick(80));
        if (kind === 9) start = Math.max(0, at - pick(40)); // a paste over a selection
      }
      const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
      doc = TextDocument.update(doc, [{ range, text: insert }], doc.version + 1);
      await client.edit(uri, range, insert);
      if (i % BURST === BURST - 1) {
        // Requests between bursts, at a random place: answered, whatever the text.
        const position = doc.positionAt(pick(doc.getText().length + 1));
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
