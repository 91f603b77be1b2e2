import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The walls of docs/ARCHITECTURE.md, checked by reading every import. Like VS Code's
 * layer check: a wall that only lives in a document gets crossed. Type-only imports count
 * too: a layer that needs another's types depends on it, so shared types move down.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const SCANNED_DIRS = ['electron', 'renderer', 'shared', 'bench', 'scripts', 'bin'];
const SOURCE = /\.(?:[cm]?[jt]s|tsx|jsx)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'dist-electron', 'results']);

/** The three files of the Electron shell, the only ones that may load Electron. */
const ELECTRON_SHELL = new Set(['electron/main.ts', 'electron/preload.ts', 'electron/hosts/ipc-main.ts']);
const ENTRY_POINTS = /^electron\/(?:main|preload)(?:\.[cm]?[jt]s)?$/;

interface ImportRef {
  line: number;
  specifier: string | null; // null: computed, cannot be checked
  typeOnly: boolean;
}

interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule: string;
}

/** Every import, export-from, require(), import() and import('x').T of a file. */
function importsOf(file: string, text: string): ImportRef[] {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const out: ImportRef[] = [];
  const add = (node: ts.Node, spec: ts.Expression | undefined, typeOnly: boolean) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const literal = spec && (ts.isStringLiteral(spec) || ts.isNoSubstitutionTemplateLiteral(spec)) ? spec.text : null;
    out.push({ line, specifier: literal, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const allTypes =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(node, node.moduleSpecifier, allTypes);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node, node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal as ts.Expression, true);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if (isDynamicImport || isRequire) add(node, node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const BUILTINS = new Set(builtinModules);
function isNodeBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]!);
}
function isElectronPackage(spec: string): boolean {
  // `electron`, its subpaths (`electron/main`, `electron/renderer`) and electron-store, which loads it.
  return spec === 'electron' || spec.startsWith('electron/') || spec === 'electron-store';
}
const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);

/** Where a relative (or absolute) specifier lands, repo-relative; null for a package name. */
function resolveTarget(file: string, spec: string): string | null {
  if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') return posix.normalize(posix.join(posix.dirname(file), spec));
  if (spec.startsWith('/')) return relative(ROOT, spec).split(sep).join('/');
  return null;
}

/** The walls. Each returns the reason a file may not import a target, or null. */
function wallCrossed(file: string, spec: string, target: string | null): string | null {
  if (isElectronPackage(spec) && !ELECTRON_SHELL.has(file)) {
    return `only ${[...ELECTRON_SHELL].join(', ')} may import '${spec.startsWith('electron-store') ? 'electron-store' : 'electron'}' (everything else runs in plain Node)`;
  }
  if (target !== null && ENTRY_POINTS.test(target)) return 'nothing imports the Electron entry points (electron/main, electron/preload)';
  if (under(file, 'renderer')) {
    if (isNodeBuiltin(spec)) return 'renderer/ runs in a sandboxed page: no Node built-ins';
    if (target !== null && !under(target, 'renderer') && !under(target, 'shared')) return 'renderer/ imports only renderer/ and shared/ (never electron/)';
  }
  if (under(file, 'shared')) {
    if (target !== null && !under(target, 'shared')) return 'shared/ imports nothing from electron/, renderer/ or elsewhere';
    if (isNodeBuiltin(spec)) return 'shared/ is loaded by the renderer and the sandboxed preload: no Node built-ins';
  }
  if (target !== null) {
    if (under(file, 'electron/core') && ['electron/services', 'electron/hosts', 'electron/shell'].some((d) => under(target, d))) {
      return 'electron/core is the pure domain: it imports no services, hosts or shell';
    }
    if (under(file, 'electron/services') && ['electron/hosts', 'electron/shell'].some((d) => under(target, d))) {
      return 'electron/services serve every host: they import no hosts or shell (move shared types down)';
    }
    if (under(file, 'electron/shell') && ['electron/hosts', 'electron/services'].some((d) => under(target, d))) {
      return 'electron/shell holds pure policy helpers: they import no hosts or services';
    }
  }
  return null;
}

function checkWalls(files: ReadonlyArray<{ path: string; text: string }>): Violation[] {
  const violations: Violation[] = [];
  for (const { path, text } of files) {
    for (const ref of importsOf(path, text)) {
      if (ref.specifier === null) {
        violations.push({ file: path, line: ref.line, specifier: '<computed>', rule: 'a computed import specifier cannot be checked: use a string literal' });
        continue;
      }
      const rule = wallCrossed(path, ref.specifier, resolveTarget(path, ref.specifier));
      if (rule) violations.push({ file: path, line: ref.line, specifier: ref.specifier + (ref.typeOnly ? ' (type-only)' : ''), rule });
    }
  }
  return violations;
}

const formatViolation = (v: Violation) => `${v.file}:${v.line}: imports '${v.specifier}': ${v.rule}`;

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(ROOT, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return SKIP_DIRS.has(e.name) ? [] : sourceFiles(path);
    return SOURCE.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('the wall checker', () => {
  const check = (path: string, text: string) => checkWalls([{ path, text }]).map(formatViolation);

  it('finds every form of import, with its line', () => {
    const text = [
      "import a from 'a';",
      "import type { B } from 'b';",
      "export { c } from 'c';",
      "export type { D } from 'd';",
      "const e = require('e');",
      "const f = await import('f');",
      'type G = import("g").G;',
      "import h = require('h');",
      'const i = await import(`i`);',
      'const j = await import(name);',
      "import { type K, type L } from 'k';",
      "import 'side-effect';",
    ].join('\n');
    expect(importsOf('x.ts', text)).toEqual([
      { line: 1, specifier: 'a', typeOnly: false },
      { line: 2, specifier: 'b', typeOnly: true },
      { line: 3, specifier: 'c', typeOnly: false },
      { line: 4, specifier: 'd', typeOnly: true },
      { line: 5, specifier: 'e', typeOnly: false },
      { line: 6, specifier: 'f', typeOnly: false },
      { line: 7, specifier: 'g', typeOnly: true },
      { line: 8, specifier: 'h', typeOnly: false },
      { line: 9, specifier: 'i', typeOnly: false },
      { line: 10, specifier: null, typeOnly: false },
      { line: 11, specifier: 'k', typeOnly: true },
      { line: 12, specifier: 'side-effect', typeOnly: false },
    ]);
  });

  it('ignores imports inside comments and strings', () => {
    expect(check('electron/core/x.ts', "// import { app } from 'electron';\nconst s = \"require('electron')\";\n")).toEqual([]);
  });

  it.each([
    ['electron/services/capture.ts', "import { app } from 'electron';", "electron/services/capture.ts:1: imports 'electron': only electron/main.ts, electron/preload.ts, electron/hosts/ipc-main.ts may import 'electron' (everything else runs in plain Node)"],
    ['electron/hosts/web.ts', "const { shell } = require('electron/main');", "electron/hosts/web.ts:1: imports 'electron/main': only electron/main.ts, electron/preload.ts, electron/hosts/ipc-main.ts may import 'electron' (everything else runs in plain Node)"],
    ['electron/core/vault/keys.ts', "\n\nimport type { SafeStorage } from 'electron';", "electron/core/vault/keys.ts:3: imports 'electron (type-only)': only electron/main.ts, electron/preload.ts, electron/hosts/ipc-main.ts may import 'electron' (everything else runs in plain Node)"],
    ['scripts/start.mjs', "const electron = await import('electron');", "scripts/start.mjs:1: imports 'electron': only electron/main.ts, electron/preload.ts, electron/hosts/ipc-main.ts may import 'electron' (everything else runs in plain Node)"],
    ['electron/services/settings.ts', "import Store from 'electron-store';", "electron/services/settings.ts:1: imports 'electron-store': only electron/main.ts, electron/preload.ts, electron/hosts/ipc-main.ts may import 'electron-store' (everything else runs in plain Node)"],
    ['renderer/App.tsx', "import { AppServices } from '../electron/services/api';", "renderer/App.tsx:1: imports '../electron/services/api': renderer/ imports only renderer/ and shared/ (never electron/)"],
    ['renderer/ui/Table.tsx', "import { readFileSync } from 'node:fs';", "renderer/ui/Table.tsx:1: imports 'node:fs': renderer/ runs in a sandboxed page: no Node built-ins"],
    ['renderer/ui/Table.tsx', "import path from 'path';", "renderer/ui/Table.tsx:1: imports 'path': renderer/ runs in a sandboxed page: no Node built-ins"],
    ['shared/api/contract.ts', "import type { Handlers } from '../../electron/services/handlers';", "shared/api/contract.ts:1: imports '../../electron/services/handlers (type-only)': shared/ imports nothing from electron/, renderer/ or elsewhere"],
    ['shared/api/schemas.ts', "import { theme } from '../../renderer/theme';", "shared/api/schemas.ts:1: imports '../../renderer/theme': shared/ imports nothing from electron/, renderer/ or elsewhere"],
    ['shared/api/hash.ts', "import { createHash } from 'node:crypto';", "shared/api/hash.ts:1: imports 'node:crypto': shared/ is loaded by the renderer and the sandboxed preload: no Node built-ins"],
    ['electron/core/chain/store.ts', "import { EventBus } from '../../services/events';", "electron/core/chain/store.ts:1: imports '../../services/events': electron/core is the pure domain: it imports no services, hosts or shell"],
    ['electron/core/sim/server.ts', "export { serve } from '../../hosts/web';", "electron/core/sim/server.ts:1: imports '../../hosts/web': electron/core is the pure domain: it imports no services, hosts or shell"],
    ['electron/services/api.ts', "import type { Handlers } from '../hosts/dispatch';", "electron/services/api.ts:1: imports '../hosts/dispatch (type-only)': electron/services serve every host: they import no hosts or shell (move shared types down)"],
    ['electron/shell/csp.ts', "import { AppServices } from '../services/api';", "electron/shell/csp.ts:1: imports '../services/api': electron/shell holds pure policy helpers: they import no hosts or services"],
    ['electron/hosts/cli.ts', "import { started } from '../main';", "electron/hosts/cli.ts:1: imports '../main': nothing imports the Electron entry points (electron/main, electron/preload)"],
    ['electron/services/x.ts', 'const m = await import(`./${name}`);', "electron/services/x.ts:1: imports '<computed>': a computed import specifier cannot be checked: use a string literal"],
  ])('fails %s importing %j', (path, text, message) => {
    expect(check(path, text)).toEqual([message]);
  });

  it.each([
    ['electron/main.ts', "import { app, BrowserWindow } from 'electron';\nimport Store from 'electron-store';"],
    ['electron/preload.ts', "import { contextBridge } from 'electron';\nimport { createApi } from '../shared/api/client';"],
    ['electron/hosts/ipc-main.ts', "import { ipcMain } from 'electron';\nimport type { AppServices } from '../services/api';"],
    ['renderer/App.tsx', "import { createApi } from '../shared/api/client';\nimport { useState } from 'react';\nimport './styles/app.css';"],
    ['shared/api/contract.ts', "import { z } from 'zod';\nimport { Role } from './schemas';"],
    ['electron/services/api.ts', "import { verify } from '../core/chain';\nimport { readFileSync } from 'node:fs';\nimport { calls } from '../../shared/api/contract';"],
    ['electron/hosts/web.ts', "import { AppServices } from '../services/api';\nimport { createServer } from 'node:http';"],
    ['electron/core/chain/x.ts', "import { OgmaError } from '../../../shared/api/errors';"],
    ['bench/capture.ts', "import { AppServices } from '../electron/services/api';"],
    ['tools/electronics.ts', "import e from 'electronics';"],
  ])('lets %s import %j', (path, text) => {
    expect(check(path, text)).toEqual([]);
  });
});

describe('the repository', () => {
  const files = SCANNED_DIRS.flatMap(sourceFiles).map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));

  it('is actually scanned', () => {
    const paths = files.map((f) => f.path);
    for (const expected of ['electron/main.ts', 'electron/preload.ts', 'electron/hosts/ipc-main.ts', 'shared/api/contract.ts', 'electron/services/api.ts']) {
      expect(paths).toContain(expected);
    }
    expect(paths.some((p) => p.startsWith('renderer/'))).toBe(true);
  });

  it('crosses no wall of docs/ARCHITECTURE.md', () => {
    expect(checkWalls(files).map(formatViolation)).toEqual([]);
  });
});
