/**
 * Resolves with the signal once the user stops a long-running verb (Ctrl+C, or SIGTERM from
 * a supervisor), and stops listening then, so a second Ctrl+C falls back to Node's default
 * and kills a process whose shutdown hangs.
 */
export function untilStopped(): Promise<NodeJS.Signals> {
  return new Promise((resolveStop) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolveStop(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
