// A file's memory of its last parse, carried from one parse to the next while it is edited (a
// `Program` keeps one per open buffer): only the lines an edit touched are lexed again, and the
// syntax trees of unchanged declarations are recycled (recycle.ts). The syntax tree and tokens
// of a file's previous parse are not to be read once it was parsed again with the same
// `SyntaxReuse`; its AST and semantic model are separate objects and stay as they were.
export class SyntaxReuse {
  /** Declarations reused and parsed by the last parse (for tests and benchmarks). */
  readonly stats = { reused: 0, parsed: 0 };
}
