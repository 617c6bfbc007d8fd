// How a user's text reaches generated code: only as string literals, or inside comments as
// string literals. Names are never identifiers (see `Names` in generate.ts).

/**
 * A JavaScript string literal for any text: JSON's quoting, plus escapes for the line
 * separators U+2028/U+2029 (line ends in comments) and for `<` (so that neither `</script>`
 * nor `<!--` appears when the module is inlined in a page).
 */
export function lit(s: string): string {
  return JSON.stringify(s).replace(/[\u2028\u2029<]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text for a `//` comment: the text as a literal, so that nothing in it can end the comment. */
export const quoted = (s: string): string => lit(s);

/** Text for a `/** … *\/` comment: as a literal, and never `*\/`. */
export const docText = (s: string): string => lit(s).replace(/\*\//g, '*\\/');

/**
 * Plain data (numbers, strings, booleans, arrays and records with our own fixed keys) as a
 * JavaScript expression. A key `__proto__` would set a prototype in an object literal, so
 * it is refused: user text is only ever a value here.
 */
export function data(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
  if (typeof v === 'string') return lit(v);
  if (Array.isArray(v)) return `[${v.map(data).join(', ')}]`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  for (const [k] of entries) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) || k === '__proto__') throw new Error(`compiler: unexpected key ${JSON.stringify(k)} in generated data`);
  return `{ ${entries.map(([k, x]) => `${k}: ${data(x)}`).join(', ')} }`;
}
