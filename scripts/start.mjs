#!/usr/bin/env node
// `npm start`: build, then run Ogma Desk in Electron when its binary is installed, or in the
// browser host when it is not (Electron's binary cannot be downloaded on every machine).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from './build.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where the Electron binary is, or why there is none, decided WITHOUT `require('electron')`:
 * electron >= 42 downloads the binary lazily inside that require, which here prints
 * "Downloading Electron binary..." and throws. This reads what node_modules/electron/index.js
 * would read: ELECTRON_OVERRIDE_DIST_PATH, else path.txt under node_modules/electron/dist.
 * @returns {{ path: string } | { missing: string }}
 */
export function findElectronBinary(root = ROOT, env = process.env) {
  const pkgDir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(pkgDir, 'package.json'))) return { missing: 'the electron package is not installed' };
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(candidate) ? { path: candidate } : { missing: `ELECTRON_OVERRIDE_DIST_PATH has no ${candidate}` };
  }
  if (!relative) return { missing: 'Electron binary not installed on this machine (no download possible here)' };
  const candidate = join(pkgDir, 'dist', relative);
  return existsSync(candidate) ? { path: candidate } : { missing: `Electron binary missing at ${candidate}` };
}

/** Children that live as long as the app; signals go to all, the first to exit ends the rest. */
function supervise(children) {
  let ending = false;
  const endAll = (signal) => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      ending = true;
      endAll(signal);
    });
  }
  for (const child of children) {
    child.on('exit', (code, signal) => {
      if (!ending) {
        ending = true;
        endAll('SIGTERM');
      }
      process.exitCode = code ?? (signal ? 1 : 0);
    });
  }
}

async function main() {
  await build({ quiet: true });
  const children = [];

  // Both hosts open the embedded demo (the built-in simulator and a workspace connected to
  // it) at start, so a newcomer sees a capture happen within seconds.
  const electron = findElectronBinary();
  if ('path' in electron) {
    children.push(spawn(electron.path, [ROOT, '--demo'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } }));
  } else {
    console.log(`${electron.missing}; serving Ogma Desk in your browser instead.`);
    children.push(spawn(process.execPath, [join(ROOT, 'bin', 'ogma.js'), 'serve', '--demo'], { cwd: ROOT, stdio: 'inherit' }));
  }
  supervise(children);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(`start failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
