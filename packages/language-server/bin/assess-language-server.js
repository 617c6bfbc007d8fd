#!/usr/bin/env node
// The Assess language server over stdio (the same as `assess lsp`).
import { docsFolder, startServer } from '../dist/server.js';
// Diagnostics link to the docs of the repository this server runs from, when it is there.
await startServer(undefined, { docsUrl: docsFolder(new URL('../../../docs/', import.meta.url)) });
