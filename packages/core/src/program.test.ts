// A program compiles each file once, shares an imported file between the files that use it,
// and recompiles only a changed file and the files that import it.
import { describe, expect, it } from 'vitest';
import { compile, memoryHost, Program } from './index.js';

const sub = (n: number) => `scheme "sub" total 10\ninput { x : 0..10 }\nitem "a" max 10: min(x, ${n})\n`;
const user = (name: string) => `scheme "${name}" total 10\nuse "sub.assess" as s\nitem "b" max 10: s.total\n`;

function program() {
  const p = new Program(memoryHost({}));
  p.update('sub.assess', sub(10));
  p.update('a.assess', user('a'));
  p.update('b.assess', user('b'));
  p.update('top.assess', 'scheme "top" total 20\nuse "a.assess" as a\nuse "b.assess" as b\nitem "t" max 20: a.total + b.total\n');
  return p;
}

describe('Program', () => {
  it('compiles a file imported by two others once', () => {
    const p = program();
    expect(p.file('top.assess')!.ok).toBe(true);
    expect(p.compilations.get('sub.assess')).toBe(1);
    expect(p.compilations.get('a.assess')).toBe(1);
    expect(p.compilations.get('b.assess')).toBe(1);
  });
  it('asking again compiles nothing', () => {
    const p = program();
    p.file('top.assess');
    const first = p.file('top.assess');
    expect(p.file('top.assess')).toBe(first);
    expect([...p.compilations.values()].every((n) => n === 1)).toBe(true);
  });
  it('a change recompiles the file and what imports it, nothing else', () => {
    const p = program();
    p.file('top.assess');
    p.update('a.assess', user('a') + '# a comment\n');
    p.file('top.assess');
    expect(p.compilations.get('a.assess')).toBe(2);
    expect(p.compilations.get('top.assess')).toBe(2);
    expect(p.compilations.get('b.assess')).toBe(1);
    expect(p.compilations.get('sub.assess')).toBe(1);
  });
  it('a change in a shared import reaches every file that uses it', () => {
    const p = program();
    p.file('top.assess');
    p.update('sub.assess', sub(10).replace('min(x, 10)', 'min(x, y)'));
    expect(p.file('a.assess')!.diagnostics.map((d) => d.code)).toEqual(['E0403', 'E0101']);
    expect(p.file('top.assess')!.ok).toBe(false);
    expect(p.dependents('sub.assess').sort()).toEqual(['a.assess', 'b.assess', 'top.assess']);
    p.update('sub.assess', sub(5));
    expect(p.file('top.assess')!.ok).toBe(true);
    expect(p.file('top.assess')!.plan!.imports[0].plan.imports[0].plan.items[0].text).toBe('min(x, 5)');
  });
  it('a file in an import cycle reports the cycle whichever file is asked for first', () => {
    const files = { 'x.assess': 'scheme "x" total 1\nuse "y.assess" as y\nitem "i" max 1: 1\n', 'y.assess': 'scheme "y" total 1\nuse "x.assess" as x\nitem "j" max 1: 1\n' };
    for (const first of ['x.assess', 'y.assess']) {
      const p = new Program(memoryHost(files));
      const other = first === 'x.assess' ? 'y.assess' : 'x.assess';
      expect(p.file(first)!.diagnostics.map((d) => d.code)).toEqual(['E0403', 'E0402']);
      expect(p.file(other)!.diagnostics.map((d) => d.code)).toEqual(['E0403', 'E0402']);
    }
  });
  it('`compile` is a program of one file, and without a host `use` cannot be followed', () => {
    const c = compile('a.assess', user('a'));
    expect(c.diagnostics.map((d) => `${d.code} ${d.message.en}`)).toEqual(['E0401 cannot read `sub.assess`: imports are not available here']);
  });
});
