// The declarations of a compiled module type its rows from the scheme's input block: a typed
// program using the module compiles, and one that passes a wrong row does not.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { compileModule } from './index.js';
import { planOf } from './testing/modules.js';

const root = new URL('../../../', import.meta.url);
const dir = new URL('packages/compiler/.dts.tmp/', root);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCHEME = `scheme "types" total 10
unit town "镇", street "街道"
input {
  ok : yes/no "*/ label"
  n : count
  level : district | city
  __proto__ : text optional
  honors : list of { project : text  evidence : text optional }
}
item "a" max 10 { 5 if ok  5 if level = city }
grade { "good" if total >= 5  otherwise "poor" }`;

/** Type-check a program against the module's declarations; the compiler's messages, or '' when it compiles. */
function typecheck(program: string): string {
  mkdirSync(dir, { recursive: true });
  const { js, dts } = compileModule(planOf(SCHEME));
  writeFileSync(new URL('scheme.mjs', dir), js);
  writeFileSync(new URL('scheme.d.mts', dir), dts);
  writeFileSync(new URL('use.mts', dir), program);
  const tsc = new URL('node_modules/.bin/tsc', root).pathname;
  const runtime = new URL('packages/runtime/src/index.ts', root).pathname;
  const config = { compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', skipLibCheck: false, allowImportingTsExtensions: true, paths: { '@assess/runtime': [runtime] } }, files: ['use.mts'] };
  writeFileSync(new URL('tsconfig.json', dir), JSON.stringify(config));
  try {
    execFileSync(tsc, ['-p', new URL('tsconfig.json', dir).pathname], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}

it('a program using the module with rows of the right shape type-checks; a wrong row does not', () => {
  const good = `import { score, type Row } from './scheme.mjs';
const rows: Row[] = [{ id: 'a', unit: 'town', ok: true, n: 2, level: 'city', honors: [{ project: 'p' }], ['__proto__']: 'x' }];
const r = score(rows);
const total: string | undefined = r.unit(0)?.total?.toString();
const grade: 'good' | 'poor' | null = r.unit(0).grade;
export { total, grade };
`;
  expect(typecheck(good)).toBe('');
  const bad = `import { score } from './scheme.mjs';
score([{ id: 'a', unit: 'village', ok: true, n: 2, level: 'town', honors: [] }]);
`;
  const out = typecheck(bad);
  expect(out).toMatch(/village/);
  expect(out).toMatch(/town/);
});
