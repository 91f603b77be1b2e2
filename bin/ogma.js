#!/usr/bin/env node
// The `ogma` command. The CLI is TypeScript run through tsx, so there is no build step
// between editing a verb and running it; paths are relative to this file, so any cwd works.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });

const { main } = await import('../electron/hosts/cli.ts');
process.exitCode = await main(process.argv.slice(2));

// Every verb closes what it opened; this only stops a forgotten handle from hanging a script.
setTimeout(() => process.exit(), 2000).unref();
