import type { CliCommand } from './types';

/**
 * Every `ogma` verb. A verb lives in its own file next to this one and exports `command`
 * (or `commands`, for a family like `member add` / `member list`); adding it here is one line.
 */
type VerbModule = { command?: CliCommand; commands?: readonly CliCommand[] };

const modules: VerbModule[] = [
  await import('./connect'),
  await import('./export'),
  await import('./init'),
  await import('./member'),
  await import('./pull'),
  await import('./serve'),
  await import('./sim'),
  await import('./verify'),
  await import('./verify-chain'),
];

function collect(list: readonly VerbModule[]): readonly CliCommand[] {
  const all = list.flatMap((m) => [...(m.command ? [m.command] : []), ...(m.commands ?? [])]);
  const seen = new Set<string>();
  for (const c of all) {
    if (seen.has(c.name)) throw new Error(`Two ogma verbs are both named "${c.name}".`);
    seen.add(c.name);
  }
  return [...all].sort((a, b) => a.name.localeCompare(b.name));
}

export const commands: readonly CliCommand[] = collect(modules);
