// The language server's entry in the extension's bundle (dist/server.js), over stdio.
import { startServer } from '@assess/language-server';

void startServer();
