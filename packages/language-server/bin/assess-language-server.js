#!/usr/bin/env node
// The Assess language server over stdio (the same as `assess lsp`).
import { startServer } from '../dist/server.js';
await startServer();
