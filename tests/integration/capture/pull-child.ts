/**
 * Child process for crash.test.ts: `ogma pull DIR --json` through the real CLI entry (the
 * verb list holds just `pull`), so the parent can SIGKILL it at any moment of a pull.
 *   node --import tsx pull-child.ts DIR   (passphrase in OGMA_PASSPHRASE)
 */
import { main } from '../../../electron/hosts/cli';
import { processIO } from '../../../electron/hosts/cli/io';
import { command as pull } from '../../../electron/hosts/cli/pull';

process.exitCode = await main(['pull', ...process.argv.slice(2), '--json'], processIO(), [pull]);
