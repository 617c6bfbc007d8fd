// The published input schema: zod (for embedding) and JSON Schema (what a data file must
// look like), both made from the plan's input block.
import { z } from 'zod';
import { Decimal } from '../common/decimal.js';
import type { Field, FieldType, Plan } from '../ir/plan.js';
import type { Value } from '@assess/runtime';
import { DATA_LIMITS, NO, toDecimal, toPercent, YES } from './values.js';

/** The zod schema of one field's value (after it is known to be present). */
export function fieldSchema(t: FieldType, grades: string[]): z.ZodType<Value> {
  const fail = (ctx: z.RefinementCtx<unknown>) => {
    ctx.addIssue({ code: 'custom', message: 'invalid' });
    return z.NEVER;
  };
  switch (t.k) {
    case 'yesno':
      return z.union([z.boolean(), z.number(), z.string()]).transform((v, ctx) => {
        if (typeof v === 'boolean') return v;
        const s = String(v).trim().toLowerCase();
        if (YES.has(s)) return true;
        if (NO.has(s) && s !== '') return false;
        return fail(ctx);
      }) as z.ZodType<Value>;
    case 'count':
    case 'integer':
    case 'number': {
      const lo = t.k === 'count' ? Decimal.ZERO : t.range ? Decimal.parse(t.range.low) : undefined;
      const hi = t.k !== 'count' && t.range ? Decimal.parse(t.range.high) : undefined;
      const int = t.k !== 'number';
      return z.union([z.number(), z.string()]).transform((v, ctx) => {
        const d = toDecimal(v);
        if (!d || (int && !d.isInteger()) || (lo && d.lt(lo)) || (hi && d.gt(hi))) return fail(ctx);
        return d;
      }) as z.ZodType<Value>;
    }
    case 'percent':
      return z.union([z.number(), z.string()]).transform((v, ctx) => toPercent(v) ?? fail(ctx)) as z.ZodType<Value>;
    case 'text':
      return z.union([z.string().max(DATA_LIMITS.maxTextLength), z.number().transform(String)]) as z.ZodType<Value>;
    case 'grade':
      return z.string().refine((s) => grades.includes(s)) as z.ZodType<Value>;
    case 'enum': {
      const members = t.members;
      return z.string().refine((s) => members.includes(s.trim())).transform((s) => s.trim()) as z.ZodType<Value>;
    }
    case 'list':
      return z.array(z.unknown()).max(DATA_LIMITS.maxListEntries) as z.ZodType<Value>;
  }
}

/**
 * The zod schema of one unit's record: `id` (text), `unit` (its kind, when the scheme has
 * several) and the inputs. Exported for embedding; JSON Schema via `inputJsonSchema`.
 */
export function inputSchema(plan: Plan): z.ZodType {
  const shape: Record<string, z.ZodType> = { id: z.union([z.string().min(1), z.number()]) };
  if (plan.unitKinds.length > 1) shape.unit = z.enum(plan.unitKinds as [string, ...string[]]);
  for (const f of plan.inputs) shape[f.name] = fieldShape(f, plan.gradeLabels);
  return ownRecord(shape);
}

/**
 * A record of `shape` read from its own properties only, as the validator reads rows: zod reads
 * `row[key]`, which for an absent field named like a member every object inherits (`valueOf`,
 * `toString`, `constructor`) is that member, and rejected a row the validator accepts. The row is
 * seen through a copy of its own properties on an object with no prototype.
 */
function ownRecord(shape: Record<string, z.ZodType>): z.ZodType {
  const own = (row: unknown) => (typeof row === 'object' && row !== null && !Array.isArray(row) ? Object.assign(Object.create(null) as object, row) : row);
  return z.preprocess(own, z.object(shape));
}

function fieldShape(f: Field, grades: string[]): z.ZodType {
  let s: z.ZodType;
  if (f.type.k === 'list') {
    const inner: Record<string, z.ZodType> = {};
    for (const sub of f.type.fields) inner[sub.name] = fieldShape(sub, grades);
    s = z.array(ownRecord(inner)).max(DATA_LIMITS.maxListEntries);
  } else s = fieldSchema(f.type, grades);
  s = s.describe(f.label ?? f.name);
  return f.optional ? s.optional() : s;
}

/** The input schema as JSON Schema (what a data file must look like). */
export function inputJsonSchema(plan: Plan): Record<string, unknown> {
  const file = z.object({ units: z.array(inputSchema(plan)) });
  return z.toJSONSchema(file, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
