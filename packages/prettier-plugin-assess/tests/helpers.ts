// Helpers shared by the plugin's tests (not part of the package: outside src/).
import * as prettier from 'prettier';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stripSpans } from '@assess/core';
import plugin from 'prettier-plugin-assess';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const goldenDir = fileURLToPath(new URL('./golden/', import.meta.url));

export function format(source: string, options: prettier.Options = {}): Promise<string> {
  return prettier.format(source, { parser: 'assess', plugins: [plugin], ...options });
}

/** Every comment of a file, trimmed, in source order. */
export function commentTexts(source: string): string[] {
  return parse(source).syntax.comments.map((c) => c.image.trimEnd());
}

/** Optional commas are left out or added by the layout. */
const GLUED = new Set(['Comma']);

/**
 * The tokens and comments of a file in source order, without commas: comparing this stream
 * before and after formatting shows that every comment still sits between the same two tokens.
 */
export function placement(source: string): string[] {
  const { syntax } = parse(source);
  const all = [...syntax.tokens, ...syntax.comments].sort((a, b) => a.startOffset - b.startOffset);
  return all.filter((t) => !GLUED.has(t.tokenType.name)).map((t) => (t.tokenType.name === 'Comment' ? t.image.trimEnd() : `${t.tokenType.name}:${t.image.replace(/[ \t]+/g, ' ')}`));
}

export function astOf(source: string): unknown {
  return stripSpans(parse(source).ast);
}

export function diagnosticsOf(source: string): string[] {
  return parse(source).diagnostics.map((d) => `${d.code} ${d.message.en} @${d.span.start}`);
}

/** Every `.assess` file under a directory (recursively). */
export function assessFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...assessFiles(p));
    else if (name.endsWith('.assess')) out.push(p);
  }
  return out.sort();
}

/** The schemes in the language sketch (code blocks that start with a header). */
export function sketchSchemes(): { name: string; text: string }[] {
  const candidates = [join(repoRoot, '../shared/design/language-sketch.md'), join(repoRoot, 'docs/reference.md')];
  const out: { name: string; text: string }[] = [];
  for (const file of candidates) {
    if (!existsSync(file)) continue;
    const md = readFileSync(file, 'utf8');
    [...md.matchAll(/```\n([\s\S]*?)```/g)].forEach((m, i) => {
      if (/^\s*(scheme|方案)\s/.test(m[1])) out.push({ name: `${file.split('/').pop()}#${i}`, text: m[1] });
    });
  }
  return out;
}
