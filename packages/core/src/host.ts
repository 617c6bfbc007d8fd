// Where `use "path"` finds other files: the CLI reads the disk, a browser or a language
// server a map of sources. No platform API here.

export interface SourceHost {
  /** The text of a file, or undefined when it cannot be read. */
  read(path: string): string | undefined;
  /** The path of `relative` as written in a `use` of the file `from`. */
  resolve(from: string, relative: string): string;
}

/** A host over an in-memory map of files (browsers, tests). Paths are `/`-separated. */
export function memoryHost(files: Record<string, string>): SourceHost {
  return {
    read: (p) => (Object.prototype.hasOwnProperty.call(files, p) ? files[p] : undefined),
    resolve: (from, rel) => joinPath(from, rel),
  };
}

/** `dir/a.assess` + `../b.assess` → `b.assess`, without any platform API. */
export function joinPath(from: string, rel: string): string {
  if (rel.startsWith('/')) return rel;
  const parts = from.split('/').slice(0, -1);
  for (const seg of rel.split('/')) {
    if (seg === '..') parts.length > 0 && parts[parts.length - 1] !== '..' ? parts.pop() : parts.push('..');
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}
