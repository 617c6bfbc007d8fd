// The passes one by one, for benchmarks and tests that time or probe a single pass
// (`@assess/core/internal`). Not part of the public API: its shapes may change.
export { tokenize } from './syntax/lexer.js';
export { parseTokens } from './syntax/parse.js';
export { parser } from './syntax/grammar.js';
export { buildAst } from './ast/build.js';
export { check, type CheckedScheme } from './check/check.js';
export { lower } from './ir/lower.js';
export { RULES } from './rules/index.js';
// The zod path validation took before the checks built from the plan: the reference the
// differential test and `pnpm bench` compare the validator with.
export { validateUnitsWithZod } from './data/testing/zod-validate.js';
