// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by file,
// over the samples taken within a time window (the evaluation runs), GC included.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

const maps = new Map<string, SourceMap | null>();
/** `results.ts:433` for a function of @assess/core's dist, through its source map. */
function original(cf: CallFrame): string | undefined {
  if (!/packages\/core\/dist\/.*\.js$/.test(cf.url)) return undefined;
  let map = maps.get(cf.url);
  if (map === undefined) {
    const file = fileURLToPath(cf.url) + '.map';
    map = existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : null;
    maps.set(cf.url, map);
  }
  const e = map?.findEntry(cf.lineNumber, cf.columnNumber) as { originalSource?: string; originalLine?: number } | undefined;
  if (!e || e.originalSource === undefined || e.originalLine === undefined) return undefined;
  return `${e.originalSource.split('/').pop()}:${e.originalLine + 1}`;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** ms of samples inside the window. */
  totalMs: number;
  byFunction: { name: string; selfMs: number; share: number }[];
  byFile: { file: string; selfMs: number; share: number }[];
  /** Inclusive time of the functions of @assess/core (a function counted once per sample). */
  inclusive: { name: string; ms: number; share: number }[];
}

function shortUrl(url: string): string {
  if (!url) return '';
  const m = /packages\/(core|bench)\/dist\/(.*)$/.exec(url);
  if (m) return `${m[1]}/${m[2]}`;
  const nm = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (nm) return `${nm[1]}/${nm[2]}`;
  return url
    .replace(/^file:\/\//, '')
    .split('/')
    .slice(-2)
    .join('/');
}

function fileOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const s = shortUrl(url);
  if (s.startsWith('core/')) return `@assess/core ${s.slice(5).replace(/\.js$/, '.ts')}`;
  if (s.startsWith('node:') || url.startsWith('node:')) return '(node internals)';
  return s.split('/')[0];
}

export function summariseProfile(path: string, windowUs?: [number, number], top = 20): ProfileSummary {
  const p = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  let t = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] ?? 0;
    const dt = p.timeDeltas[i + 1] ?? 0; // a sample stands for the time until the next one
    if (windowUs && (t < windowUs[0] || t > windowUs[1])) continue;
    selfUs.set(p.samples[i], (selfUs.get(p.samples[i]) ?? 0) + dt);
  }
  const label = (n: ProfileNode) => {
    const cf = n.callFrame;
    const at = cf.url ? ` ${original(cf) ?? `${shortUrl(cf.url)}:${cf.lineNumber + 1}`}` : '';
    return `${cf.functionName || '(anonymous)'}${at}`;
  };
  const fnSelf = new Map<string, number>();
  const fileSelf = new Map<string, number>();
  const incl = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    total += us;
    const l = label(n);
    fnSelf.set(l, (fnSelf.get(l) ?? 0) + us);
    const f = fileOf(n.callFrame.url, n.callFrame.functionName);
    fileSelf.set(f, (fileSelf.get(f) ?? 0) + us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const m = byId.get(cur)!;
      if (!/packages\/core\/dist\//.test(m.callFrame.url)) continue;
      const ml = label(m);
      if (seen.has(ml)) continue;
      seen.add(ml);
      incl.set(ml, (incl.get(ml) ?? 0) + us);
    }
  }
  const rank = <K extends string>(m: Map<string, number>, key: K) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => ({ [key]: k, selfMs: us / 1000, share: total ? us / total : 0 }) as { [P in K]: string } & { selfMs: number; share: number });
  return {
    totalMs: total / 1000,
    byFunction: rank(fnSelf, 'name'),
    byFile: rank(fileSelf, 'file'),
    inclusive: [...incl]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: total ? us / total : 0 })),
  };
}
