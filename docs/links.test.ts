// Links between and within the documents lead somewhere: a relative link names a file that
// exists, and an anchor names a heading of that file (slugged as GitHub does).
import { existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docPaths, readDoc, ROOT, type Doc } from './blocks.js';

/** A heading's anchor, as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
const slug = (title: string) =>
  title
    .replace(/`/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');

const docs = new Map(docPaths().map((p) => [p, readDoc(p)]));
const anchors = (doc: Doc) => new Set(doc.headings.map((h) => slug(h.title)));

describe.each([...docs.keys()])('%s', (path) => {
  const doc = docs.get(path)!;
  // Links outside code blocks and code spans.
  const prose = doc.text.replace(/^\s*```[\s\S]*?^\s*```/gm, '').replace(/`[^`\n]*`/g, '');
  const links = [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/.test(l));

  it('links to files that exist, and to headings they have', () => {
    for (const link of links) {
      const [file, anchor] = link.split('#');
      const target = file ? normalize(join(dirname(path), decodeURI(file))) : path;
      expect(existsSync(join(ROOT, target)), `${path}: ${link}`).toBe(true);
      const targetDoc = docs.get(target) ?? (target.endsWith('.md') ? readDoc(target) : undefined);
      if (anchor && targetDoc) expect(anchors(targetDoc).has(decodeURI(anchor)), `${path}: ${link}`).toBe(true);
    }
  });
});
