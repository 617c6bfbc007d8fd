// What survives a reload (local storage) and what a link carries (the scheme and its data,
// compressed into the address's fragment, which never reaches a server).
import type { Lang } from '@assess/core';
import { isRow, type Row } from './protocol.js';

/** What survives a reload. */
export interface Saved {
  scheme: string;
  rows: Row[];
  dataName?: string;
  lang?: Lang;
}

/** The scheme (saved at each check) and the data (saved when it changes: a large cohort takes time to write). */
const KEY = 'assess-studio';
const DATA_KEY = 'assess-studio-data';
/** Links longer than this are refused (browsers and chat programs cut long addresses). */
export const MAX_LINK = 32_000;

function read(key: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or refused (private mode): the work stays on the page.
  }
}

/** What the last session left, as far as it reads. */
export function load(): Partial<Saved> {
  const { scheme, lang } = read(KEY);
  const { rows, dataName } = read(DATA_KEY);
  return {
    ...(typeof scheme === 'string' ? { scheme } : {}),
    ...(lang === 'zh' || lang === 'en' ? { lang } : {}),
    ...(Array.isArray(rows) ? { rows: rows.filter(isRow) } : {}),
    ...(typeof dataName === 'string' ? { dataName } : {}),
  };
}

export const saveScheme = (scheme: string, lang: Lang) => write(KEY, { scheme, lang });
export const saveData = (rows: Row[], dataName: string | undefined) => write(DATA_KEY, { rows, dataName });

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

const toBase64Url = (b: Uint8Array) => btoa(Array.from(b, (c) => String.fromCharCode(c)).join('')).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (s: string) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** The fragment (`#share=…`) that carries a scheme and its rows; undefined when too long. */
export async function shareFragment(s: Pick<Saved, 'scheme' | 'rows'>): Promise<string | undefined> {
  const packed = await pipe(new TextEncoder().encode(JSON.stringify({ scheme: s.scheme, rows: s.rows })), new CompressionStream('deflate-raw'));
  const fragment = `#share=${toBase64Url(packed)}`;
  return fragment.length <= MAX_LINK ? fragment : undefined;
}

/** The scheme and rows of a shared link's fragment, if it is one and reads. */
export async function fromFragment(hash: string): Promise<Pick<Saved, 'scheme' | 'rows'> | undefined> {
  const m = /^#share=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m || m[1].length > MAX_LINK) return undefined;
  try {
    const json = new TextDecoder().decode(await pipe(fromBase64Url(m[1]), new DecompressionStream('deflate-raw')));
    const v = JSON.parse(json) as { scheme?: unknown; rows?: unknown };
    if (typeof v.scheme !== 'string' || !Array.isArray(v.rows)) return undefined;
    return { scheme: v.scheme, rows: v.rows.filter(isRow) };
  } catch {
    return undefined;
  }
}
