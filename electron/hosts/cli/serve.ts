import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OgmaError } from '../../../shared/api/errors';
import { AppServices } from '../../services/api';
import { appHome } from '../../services/app-home';
import { packageVersion } from '../../version';
import { startWebHost } from '../web';
import { parseFlags, parsePort } from './args';
import { EXIT, type CliCommand, type CliIO } from './types';
import { untilStopped } from './signals';

/** dist/renderer of this checkout, wherever the command is run from. */
const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../../dist/renderer', import.meta.url));

const usage = `Usage: ogma serve [--port N] [--demo] [--no-open] [--json]

Serves Ogma Desk to a browser on this machine only (127.0.0.1), for machines where the
Electron app cannot run. Prints the address to open (it carries a one-time token: only a
browser that opened it can use the app) and runs until Ctrl+C.

Options:
  --port N     listen on port N (default: any free port)
  --demo       open the embedded demo at once: a workspace connected to the built-in
               simulator of the vendor APIs, pulling synthetic data
  --no-open    do not open the system browser
  --json       print {"url", "port"} as one JSON document instead of the bare address
  --help       show this help

Environment:
  OGMA_HOME           where Ogma Desk keeps its own state (default: the per-user config folder)
  OGMA_RENDERER_DIR   the built renderer to serve (default: dist/renderer, made by \`npm run build\`)
  OGMA_WEB_TOKEN      fixes the access token instead of a random one. For automated tests only.`;

/** Whether there is a desktop to open a browser on (not over SSH without X, not in CI). */
function hasDesktop(env: CliIO['env']): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

function openBrowser(url: string, io: CliIO): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['explorer.exe', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => io.err(`Could not open a browser (${cmd}); open the address above yourself.`));
    child.unref();
  } catch {
    io.err('Could not open a browser; open the address above yourself.');
  }
}

export const command: CliCommand = {
  name: 'serve',
  summary: 'Serve the app to a browser on 127.0.0.1, where the Electron app cannot run',
  usage,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      options: { port: { type: 'string' }, demo: { type: 'boolean' }, 'no-open': { type: 'boolean' }, json: { type: 'boolean' } },
    });
    const port = parsePort(values.port) ?? 0;
    const staticDir = resolve(io.env.OGMA_RENDERER_DIR || DEFAULT_RENDERER_DIR);
    if (!existsSync(join(staticDir, 'index.html'))) {
      throw new OgmaError('UNREADABLE', `The app is not built: ${join(staticDir, 'index.html')} is missing. Run \`npm run build\` first.`, {
        path: staticDir,
      });
    }
    const fixedToken = io.env.OGMA_WEB_TOKEN;
    if (fixedToken) io.err('Using the access token from OGMA_WEB_TOKEN: meant for automated tests only.');

    const services = new AppServices({ host: 'web', version: packageVersion(), home: appHome(io.env) });
    if (values.demo) {
      io.err('Opening the demo workspace on the built-in simulator (synthetic data)...');
      await services.openDemo();
    }
    const host = await startWebHost({
      services,
      staticDir,
      port,
      ...(fixedToken ? { token: fixedToken } : {}),
      log: (l) => io.err(l),
    });
    const stopped = untilStopped();

    io.out(values.json ? JSON.stringify({ url: host.url, port: host.port }) : host.url);
    io.err(`Ogma Desk is served on 127.0.0.1:${host.port}; press Ctrl+C to stop.`);
    if (!values['no-open'] && hasDesktop(io.env)) openBrowser(host.url, io);

    const signal = await stopped;
    io.err(`${signal}: stopping.`);
    await host.close();
    await services.dispose();
    return EXIT.OK;
  },
};
