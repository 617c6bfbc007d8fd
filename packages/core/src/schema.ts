// `@assess/core/schema`: the data a scheme expects, as a zod object and as JSON Schema (for a
// form, an API, a spreadsheet check). Apart from the rest of core because zod is large: loading
// it took about a quarter of every command's start (75 ms of 290), and nothing but a program
// that asks for the schema needs it — rows are validated by checks built from the plan.
export { inputSchema, inputJsonSchema } from './data/schema.js';
