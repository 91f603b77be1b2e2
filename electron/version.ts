import { readFileSync } from 'node:fs';

/** The package version, read once from package.json next to the sources or the bundle. */
export function packageVersion(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'ogma-desk' && pkg.version) return pkg.version;
    } catch {
      /* try the next place */
    }
  }
  return '0.0.0';
}
