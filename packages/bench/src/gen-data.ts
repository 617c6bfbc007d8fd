// Realistic random data for the article-3 towns scheme, as rows the way a JSON data
// file gives them (`JSON.parse` output): deterministic for a given seed.
//
//   org_system, targets_split : yes/no — mostly JSON booleans, some "是"/"否"/"yes"/"no"
//   missing_reports           : count 0..8, skewed towards 0
//   dept_score                : 0..90 with one decimal, skewed towards the top
//   honors                    : 0..5 entries; projects drawn from a small pool (so the same
//                               project recurs within a town), levels weighted towards
//                               district; evidence sometimes missing (absent key, null or "")
//
// `project` and `level` are required by the scheme (`text`, `district | … | national`), so
// they are always present here: a row without them is a validation error (E0502), and the
// benchmark times a table that validates cleanly.

/** mulberry32: a small, fast, deterministic PRNG giving floats in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Level = 'district' | 'city' | 'province' | 'national';
export interface Honor {
  project: string;
  level: Level;
  evidence?: string | null;
}
export interface TownRow {
  id: string;
  org_system: boolean | string;
  targets_split: boolean | string;
  missing_reports: number;
  dept_score: number;
  honors: Honor[];
}

const PROJECTS = ['桥梁', '道路', '饮水', '污水处理', '垃圾分类', '电网改造', '农房改造', '学校', '卫生院', '文化礼堂', '公交', '绿化'];
const EVIDENCE = ['省政府文件', '市政府通报', '区政府文件', '国务院办公厅通报', '部委文件', '验收报告'];

function yesNo(r: () => number, pYes: number): boolean | string {
  const yes = r() < pYes;
  const form = r();
  if (form < 0.9) return yes;
  if (form < 0.95) return yes ? '是' : '否';
  return yes ? 'yes' : 'no';
}

function level(x: number): Level {
  return x < 0.45 ? 'district' : x < 0.75 ? 'city' : x < 0.93 ? 'province' : 'national';
}

/** `n` rows of town data, deterministic for `seed`. */
export function generateTowns(n: number, seed = DEFAULT_SEED): TownRow[] {
  const rows: TownRow[] = new Array(n);
  let i = 0;
  for (const row of towns(n, seed)) rows[i++] = row;
  return rows;
}

export const DEFAULT_SEED = 20240601;

/** The same rows one at a time, so that a million of them need not be held at once. */
export function* towns(n: number, seed = DEFAULT_SEED): Generator<TownRow> {
  const r = rng(seed);
  for (let i = 0; i < n; i++) {
    // missing_reports: 0 for about half the towns, then 1..8 with a falling tail.
    const m = r();
    const missing = m < 0.5 ? 0 : Math.min(8, 1 + Math.floor(-Math.log(1 - r()) * 1.8));
    // dept_score: 0.0..90.0, one decimal; most towns between 55 and 90.
    const u = r();
    const tenths = u < 0.08 ? Math.floor(r() * 551) : 550 + Math.floor(Math.sqrt(r()) * 351);
    const k = Math.floor(r() * 6); // 0..5 honors
    const honors: Honor[] = new Array(k);
    for (let j = 0; j < k; j++) {
      const h: Honor = { project: PROJECTS[Math.floor(r() * PROJECTS.length)], level: level(r()) };
      const e = r();
      if (e < 0.65) h.evidence = EVIDENCE[Math.floor(r() * EVIDENCE.length)];
      else if (e < 0.8) h.evidence = null;
      else if (e < 0.9) h.evidence = '';
      // else: no evidence key at all
      honors[j] = h;
    }
    yield {
      id: `T${String(i + 1).padStart(7, '0')}`,
      org_system: yesNo(r, 0.85),
      targets_split: yesNo(r, 0.7),
      missing_reports: missing,
      dept_score: tenths / 10,
      honors,
    };
  }
}
