#!/usr/bin/env node
// The server half of scripts/openExample.sh: starts the VS Code server of the code-server package
// (the e2e harness's start-up code, test/e2e/vscodeServer.mjs) on 127.0.0.1, prints the workbench
// URL that loads this checkout as the extension under development on the given vault, and stays
// in the foreground until Ctrl-C (which stops the server's whole process group).
// Unlike the tests it opens the vault itself, not a copy: edits made in the browser are real.
import path from 'node:path';
import { createRun, repoRoot, startServer, workbenchUrl } from '../test/e2e/vscodeServer.mjs';

const vault = path.resolve(process.argv[2] ?? path.join(repoRoot, 'examples/vault'));
const run = createRun('example');
const server = await startServer(run);
const url = workbenchUrl(server, { folder: vault, extensionDevelopmentPath: repoRoot });

console.log(`
Vault Notes is loaded in a VS Code server on ${server.baseUrl}.
Open this URL in a browser on this machine:

  ${url}

(From another machine, forward the port first, e.g.  ssh -L ${server.authority.split(':')[1]}:127.0.0.1:${server.authority.split(':')[1]} <this host>)
Server log: ${path.relative(process.cwd(), server.logFile)}
Press Ctrl-C to stop.
`);

// startServer stops the server on SIGINT/SIGTERM and exits; until then keep the process alive.
await new Promise(() => {});
