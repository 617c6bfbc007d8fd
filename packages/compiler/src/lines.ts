// What every part of the code generator writes with: indented lines, the module-level
// constants and failure sites, and the loud failure on a plan node this compiler does not know.
import { Decimal } from '@assess/runtime';
import type { Plan as P } from '@assess/core';
import type { words } from './messages.js';
import { data, lit } from './text.js';

/** Lines of code with indentation. */
export class Lines {
  readonly out: string[] = [];
  private depth = 0;
  line(s = ''): this {
    this.out.push(s === '' ? '' : '  '.repeat(this.depth) + s);
    return this;
  }
  /** Several lines at the current depth. */
  lines(ls: readonly string[]): this {
    for (const l of ls) this.line(l);
    return this;
  }
  open(s: string): this {
    this.line(s);
    this.depth++;
    return this;
  }
  close(s = '}'): this {
    this.depth--;
    return this.line(s);
  }
  /** The end of a block and the start of the next, on one line (`} finally {`). */
  middle(s: string): this {
    this.depth--;
    this.line(s);
    this.depth++;
    return this;
  }
  add(other: Lines): this {
    for (const l of other.out) this.out.push(l === '' ? '' : '  '.repeat(this.depth) + l);
    return this;
  }
  text(): string {
    return this.out.join('\n');
  }
}

const OPERATORS = new Set(['==', '!=', '<', '<=', '>', '>=']);
/** A comparison operator (one of ours, never user text) as a literal. */
export function op(o: string): string {
  if (!OPERATORS.has(o)) throw new Error(`assess compile: unknown comparison ${JSON.stringify(o)}`);
  return JSON.stringify(o);
}

/** The generated name of a key (`in0`, `in1`, … in the order first asked for). */
export function nameFor(names: Map<string, string>, prefix: string, key: string): string {
  let name = names.get(key);
  if (!name) names.set(key, (name = `${prefix}${names.size}`));
  return name;
}

export function unknownNode(what: string, node: { k: string }): never {
  throw new Error(`assess compile: no code for the ${what} kind \`${node.k}\` (the compiler is older than the plan)`);
}

/** Constants and failure sites, shared by every scheme of a module and emitted once, at its top. */
export class Module {
  private readonly constants = new Map<string, string>();
  private count = 0;
  readonly constantLines = new Lines();
  readonly siteLines = new Lines();
  private sites = 0;

  /** The module-level constant holding an exact decimal. */
  dec(d: P.Dec): string {
    const canonical = Decimal.parse(d)?.toString();
    if (canonical === undefined) throw new Error(`assess compile: ${JSON.stringify(d)} is not a decimal`);
    let name = this.constants.get(canonical);
    if (!name) {
      name = canonical === '0' ? 'ZERO' : canonical === '1' ? 'ONE' : `K${this.count++}`;
      this.constants.set(canonical, name);
      if (name.startsWith('K')) this.constantLines.line(`const ${name} = dec(${lit(canonical)});`);
    }
    return name;
  }

  /** A module-level constant for any other data (tier points, linear points, tables of labels). */
  value(comment: string, code: string): string {
    const name = `V${this.count++}`;
    this.constantLines.line(`const ${name} = ${code}; // ${comment}`);
    return name;
  }

  /** A place where a unit's number can fail, with the catalog's words for it. */
  site(site: ReturnType<typeof words>, comment: string): string {
    const name = `FAIL${this.sites++}`;
    const { severity: _severity, ...rest } = site;
    this.siteLines.line(`const ${name} = ${data(rest)}; // ${comment}`);
    return name;
  }
}
