import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parse, compile } from '@assess/core';
import { generateModel, renderScheme, scheme, seededRand, NEAT_STYLE, schemeModel, unitData, type SectionModel } from './arbitrary.js';

describe('the scheme arbitrary', () => {
  test('generated schemes parse without any diagnostic, in every style', () => {
    fc.assert(
      fc.property(scheme({ imports: true, shuffle: true }), ({ text }) => {
        const { diagnostics } = parse(text);
        expect(diagnostics.map((d) => `${d.code} ${d.message.en} @${d.span.start}: ${JSON.stringify(text.slice(Math.max(0, d.span.start - 30), d.span.end + 30))}`)).toEqual([]);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 150) },
    );
  });

  test('generated schemes pass the checker: no errors, in any style and declaration order', () => {
    fc.assert(
      fc.property(scheme({ shuffle: true }), ({ text }) => {
        const errors = compile('generated.assess', text).diagnostics.filter((d) => d.severity === 'error');
        expect(errors.map((d) => `${d.code} ${d.message.en}`)).toEqual([]);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 150) },
    );
  });

  test('the neat rendering is deterministic and parses', () => {
    const model = generateModel(seededRand(42));
    const a = renderScheme(model, NEAT_STYLE);
    expect(renderScheme(model, NEAT_STYLE)).toBe(a);
    expect(parse(a).diagnostics).toEqual([]);
  });

  test('English and Chinese keyword spellings give the same AST', () => {
    fc.assert(
      fc.property(schemeModel(), fc.integer(), (model, seed) => {
        const en = parse(renderScheme(model, { ...NEAT_STYLE, keywords: 'en', seed })).ast;
        const zh = parse(renderScheme(model, { ...NEAT_STYLE, keywords: 'zh', seed })).ast;
        const strip = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'span' ? undefined : v)));
        expect(strip(zh)).toEqual(strip(en));
      }),
      { numRuns: 50 },
    );
  });

  test('section maxima add up to the total; weights to 100%, at every level', () => {
    const tenths = (s: string) => Math.round(Number(s) * 10);
    const weights = (xs: SectionModel[]) => xs.reduce((a, s) => a + Number(s.weight!.replace('%', '')), 0);
    const check = (s: SectionModel): void => {
      s.sections.forEach(check);
      if (s.sections.some((c) => c.weight)) expect(weights(s.sections)).toBe(100);
      else expect(tenths(s.scale)).toBe(s.items.reduce((a, i) => a + tenths(i.max), 0) + s.sections.reduce((a, c) => a + tenths(c.scale), 0));
      if (s.max) expect(tenths(s.max)).toBe(tenths(s.scale));
    };
    fc.assert(
      fc.property(schemeModel(), (m) => {
        m.sections.forEach(check);
        if (m.mode === 'max') expect(tenths(m.total)).toBe(m.sections.reduce((a, s) => a + tenths(s.scale), 0) + m.items.reduce((a, i) => a + tenths(i.max), 0));
        else expect(weights(m.sections)).toBe(100);
      }),
      { numRuns: 100 },
    );
  });

  test('unit data covers every required input', () => {
    fc.assert(
      fc.property(schemeModel().chain((m) => fc.tuple(fc.constant(m), unitData(m))), ([m, data]) => {
        for (const f of m.inputs) if (!f.optional) expect(data).toHaveProperty(f.name);
      }),
      { numRuns: 50 },
    );
  });
});
