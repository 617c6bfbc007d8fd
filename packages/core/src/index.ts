// @assess/core — the Assess language for Node and browsers.
export { parse, type Parsed } from './compile.js';
export type * as Ast from './ast.js';
export { stripSpans } from './ast.js';
export * from './diagnostics.js';
export { KEYWORDS, tokenize, isChineseSpelling, spelling } from './tokens.js';
export { parser, parseTokens, LIMITS, type SyntaxTree } from './syntax.js';
export { compile, memoryHost, joinPath, type Compiled, type SourceHost } from './compile.js';
export { check, type CheckedScheme, type FieldInfo, type Ty } from './checked.js';
export { Decimal, DIV_PLACES } from './decimal.js';
export { renderDiagnostic, renderDiagnostics, diagnosticsToJson, summary, LineMap, displayWidth, type JsonDiagnostic } from './render.js';
export { inputSchema, inputJsonSchema, validateUnits, rowsFromJson, rowsFromCsv, expectedText, DATA_LIMITS, type UnitTable, type Value, type Rec } from './data.js';
export { evaluate, aggregate, type Evaluation, type UnitResult, type ItemResult, type SectionResult, type ItemTrace, type EvaluateOptions } from './results.js';
export { runExamples, runExample, type ExampleOutcome } from './examples.js';
