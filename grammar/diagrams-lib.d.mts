// Types of diagrams-lib.mjs, for diagrams.test.ts.
export declare const GRAMMAR_DIR: string;
export declare const HTML_PATH: string;
export declare const JSON_PATH: string;
export declare const VENDOR_DIR: string;
export declare const VENDOR_FILES: string[];
export declare function chevrotain(): Promise<{
  createSyntaxDiagramsCode: (grammar: unknown[], options?: { resourceBase?: string; css?: string }) => string;
  diagramsDir: string;
}>;
export declare function renderGrammar(
  parser: { getSerializedGastProductions(): unknown[] },
  createSyntaxDiagramsCode: (grammar: unknown[], options?: { resourceBase?: string; css?: string }) => string,
): { html: string; json: string };
