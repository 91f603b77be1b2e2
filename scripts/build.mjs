#!/usr/bin/env node
// `npm run build`: the renderer (vite -> dist/renderer) and the Electron shell (esbuild ->
// dist-electron/main.cjs + preload.cjs). A full build takes a few seconds, so nothing is
// skipped as "up to date": a stale bundle costs more than the seconds saved.
import { build as esbuild } from 'esbuild';
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Native or optional modules that must stay require()d at run time (and ship in node_modules). */
const MAIN_EXTERNALS = ['electron', 'better-sqlite3-multiple-ciphers', 'bufferutil', 'utf-8-validate'];

/**
 * The main bundle is CommonJS, where `import.meta` does not exist; esbuild would leave it
 * empty and electron/version.ts would fail to find package.json. Give it the bundle's own URL.
 */
const IMPORT_META_URL_SHIM = 'const __ogma_import_meta_url = require("node:url").pathToFileURL(__filename).href;';

/** A sandboxed preload can require() only these; anything else must be bundled in. */
const PRELOAD_ALLOWED_REQUIRES = new Set(['electron']);
const MAIN_ALLOWED_REQUIRES = new Set([...MAIN_EXTERNALS, ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/**
 * Fail the build, not the launch: a bundle that loads a module it may not would give a
 * blank window (preload) or a crash on start (main) only on a machine with Electron.
 * esbuild's metafile lists what each output still imports at run time.
 */
function assertExternals(result, allowed, why) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    const stray = output.imports.filter((i) => i.external && !allowed.has(i.path)).map((i) => i.path);
    if (stray.length) throw new Error(`${file} would load ${[...new Set(stray)].join(', ')} at run time: ${why}`);
  }
}

async function buildRenderer() {
  if (!existsSync(join(ROOT, 'renderer', 'index.html'))) {
    throw new Error('renderer/index.html is missing: there is no renderer to build.');
  }
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

async function buildMain() {
  const result = await esbuild({
    absWorkingDir: ROOT,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist-electron/main.cjs',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: MAIN_EXTERNALS,
    define: { 'import.meta.url': '__ogma_import_meta_url' },
    banner: { js: IMPORT_META_URL_SHIM },
    logLevel: 'warning',
    metafile: true,
  });
  assertExternals(result, MAIN_ALLOWED_REQUIRES, 'bundle it, or add it to MAIN_EXTERNALS and to the files of electron-builder.yml');
}

async function buildPreload() {
  const result = await esbuild({
    absWorkingDir: ROOT,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist-electron/preload.cjs',
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['electron'],
    logLevel: 'warning',
    metafile: true,
  });
  assertExternals(result, PRELOAD_ALLOWED_REQUIRES, 'a sandboxed preload may require only electron; bundle it instead');
}

export async function build({ quiet = false } = {}) {
  const started = Date.now();
  await buildRenderer();
  await Promise.all([buildMain(), buildPreload()]);
  if (!quiet) {
    const out = ['dist/renderer', 'dist-electron/main.cjs', 'dist-electron/preload.cjs'].map((p) => relative(process.cwd(), join(ROOT, p)) || p);
    console.log(`built ${out.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  build().catch((e) => {
    console.error(`build failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
