// @assess/core — the Assess language for Node and browsers.
//
// The pipeline (pipeline.ts): source → tokens → syntax tree → AST → checked scheme and
// semantic model → plan → evaluation and explanations. This file is the curated public API:
// no parser instance and no Chevrotain type crosses it.

// ── the pipeline ────────────────────────────────────────────────────
export { parse, compileSource, type Compiled, type Parsed, type Imports } from './pipeline.js';
export { Program, compile } from './program.js';
export { memoryHost, joinPath, type SourceHost } from './host.js';

// ── text and syntax ─────────────────────────────────────────────────
export type { Lang, Text } from './common/text.js';
export { KEYWORDS, isChineseSpelling, spelling, gluedKeyword, type KeywordSpec } from './syntax/keywords.js';
export { translateKeywords } from './syntax/translate.js';
export { LIMITS, RULE_NAMES, isToken, tokensOf, type RuleName, type SyntaxElement, type SyntaxNode, type SyntaxToken, type SyntaxTree } from './syntax/tree.js';
export { tokenize } from './syntax/public.js';
export type * as Ast from './ast/ast.js';
export { stripSpans, exprText } from './ast/ast.js';
export { children, nodesAt } from './ast/walk.js';

// ── diagnostics ─────────────────────────────────────────────────────
export { CATALOG } from './diagnostics/catalog/index.js';
export { hasErrors, sortDiagnostics, type Code, type Diagnostic, type Edit, type Fix, type Label, type Severity, type Span } from './diagnostics/diagnostic.js';
export { renderDiagnostic, renderDiagnostics, summary, type RenderOptions } from './diagnostics/render/terminal.js';
export { diagnosticsToJson, type JsonDiagnostic } from './diagnostics/render/json.js';
export { diagnosticPage, DIAGNOSTIC_PAGES } from './diagnostics/pages.js';
export { LineMap, displayWidth, printable, type Position } from './diagnostics/render/lines.js';

// ── what tools read ─────────────────────────────────────────────────
export { SemanticModel, type Definition, type DefinitionKind, type EntryScope, type NodeAt, type OutlineSymbol, type Reference } from './check/model.js';
export { describeTy, type Ty } from './types/types.js';
export { ruleSentence, conditionSentence } from './check/sentences.js';
export { rulesTable, schemeLanguage, type RulesTable, type RulesGroup, type RulesRow } from './check/rules-table.js';

// ── what backends read ──────────────────────────────────────────────
export type * as Plan from './ir/plan.js';
export { PLAN_VERSION } from './ir/plan.js';
export { givenInParts, readsGroupSizes, readsPlaces, scoredInParts } from './ir/in-parts.js';
export { Decimal, DISPLAY_PLACES, NOT_TERMINATING } from './common/decimal.js';

// ── data, evaluation, explanations, examples ────────────────────────
export { validateUnits, dataDiagnostics, problemField, DATA_LIMITS, type UnitTable, type Value, type Rec, type Where } from './data/validate.js';
export { Headers, ID_HEADERS, KIND_HEADERS, fieldHeader, recordOf, withFieldNames, fieldNamer, unitHeaders, type Column } from './data/headers.js';
export { expectedText } from './data/values.js';
export { rowsFromJson, rowsFromCsv, dataFileDiagnostic, type TextRows } from './data/files.js';
export { jsonValueSpans, type UnitSpans } from './data/locate.js';
export type { FileProblem } from './diagnostics/catalog/data.js';
export { evaluate, type Evaluation, type EvaluateOptions, type UnitResult, type ItemResult, type SectionResult, type ItemTrace } from './eval/evaluate.js';
export type { Step, Shown, Entry as TraceEntry } from './eval/steps.js';
export { aggregate } from './eval/values.js';
export { explainStep, showValue } from './explain/steps.js';
export { explainUnit, unitJson, explanationJson, type UnitJson } from './explain/unit.js';
export { csvCell, resultRow, resultsHeader, resultsTable, showPlace, showScore, type ResultsTable } from './explain/table.js';
export { ranked, rankedOrder } from './explain/ranked.js';
export { runExamples, runExample, type ExampleOutcome } from './examples/run.js';
