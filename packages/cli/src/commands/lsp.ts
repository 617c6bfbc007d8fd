// `assess lsp`: the language server over stdio, for editors (the same as the
// `assess-language-server` bin). The server is loaded only by this command.
import { parseArgs, UsageError } from '../args.js';
import { EXIT, type Command } from '../io.js';

export const lsp: Command = async (argv) => {
  // Editors may pass `--stdio` and `--clientProcessId N` (the server watches that process itself).
  const args = parseArgs(argv, { values: ['clientProcessId'], switches: ['stdio'] });
  if (args.positional.length > 0) throw new UsageError('assess lsp takes no FILE: it serves the editor that started it');
  const { docsFolder, startServer } = await import('@assess/language-server');
  // Diagnostics link to the docs of the repository this command runs from (src/ or dist/ of packages/cli), when it is there.
  await startServer(undefined, { docsUrl: docsFolder(new URL('../../../../docs/', import.meta.url)) });
  return EXIT.ok;
};
