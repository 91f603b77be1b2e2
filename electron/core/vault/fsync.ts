import { fsyncSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/**
 * fsync of many file descriptors at once, for the packs of one commit.
 *
 * An fsync blocks its thread for a journal commit of the filesystem. Issued one after
 * another, N new files cost N commits; issued together, the filesystem folds them into
 * a few group commits (ext4/jbd2, APFS and NTFS all batch concurrent flushes). The vault's
 * transactions are synchronous, so the calls are issued from a helper thread while this
 * one waits on a shared flag (Atomics.wait): when `syncAll` returns, every descriptor was
 * fsynced, exactly as with the plain loop it replaces.
 *
 * fsync is idempotent, so anything unexpected (the helper cannot start, does not answer in
 * time, answers something unreadable) falls back to fsyncing everything again on this
 * thread: slower, never weaker. An fsync error is thrown here like fsyncSync would throw it.
 */

/** Below this many descriptors the hand-off costs more than it saves. */
const MIN_PARALLEL = 3;
const START_TIMEOUT_MS = 5_000;
/** A helper that has not answered by then is presumed stuck; the work is redone here. */
const BATCH_TIMEOUT_MS = 120_000;

// The helper: fs.fsync of every descriptor at once (libuv's pool runs them in parallel),
// then one answer on the port and a wake-up through the shared flag.
const HELPER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { fsync } = require('node:fs');
const flag = new Int32Array(workerData.flag);
const port = workerData.port;
port.on('message', (m) => {
  const fds = m.fds;
  let left = fds.length;
  let error = null;
  const done = () => {
    port.postMessage({ id: m.id, error });
    Atomics.store(flag, 0, m.id);
    Atomics.notify(flag, 0);
  };
  if (left === 0) return done();
  for (const fd of fds) {
    fsync(fd, (e) => {
      if (e && !error) error = { code: e.code || null, message: e.message };
      if (--left === 0) done();
    });
  }
});
Atomics.store(flag, 0, -1);
Atomics.notify(flag, 0);
`;

interface Helper {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
  next: number;
}

let helper: Helper | null | undefined;

function startHelper(): Helper | null {
  try {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(HELPER_SOURCE, { eval: true, workerData: { flag: flag.buffer, port: port2 }, transferList: [port2] });
    // Never keeps the process alive; a failed helper is simply not used.
    worker.unref();
    port1.unref();
    worker.on('error', () => {
      helper = null;
    });
    if (Atomics.wait(flag, 0, 0, START_TIMEOUT_MS) === 'timed-out' || Atomics.load(flag, 0) !== -1) {
      void worker.terminate();
      return null;
    }
    return { worker, port: port1, flag, next: 1 };
  } catch {
    return null;
  }
}

function syncHere(fds: readonly number[]): void {
  for (const fd of fds) fsyncSync(fd);
}

/** fsyncs every descriptor; returns once all are on disk, throws the first fsync error. */
export function syncAll(fds: readonly number[]): void {
  if (fds.length < MIN_PARALLEL || process.env.OGMA_SERIAL_FSYNC === '1') return syncHere(fds);
  if (helper === undefined) helper = startHelper();
  const h = helper;
  if (!h) return syncHere(fds);
  const id = h.next;
  h.next = id >= 0x3fffffff ? 1 : id + 1;
  let answer: { id: number; error: { code: string | null; message: string } | null } | undefined;
  try {
    h.port.postMessage({ id, fds });
    const deadline = Date.now() + BATCH_TIMEOUT_MS;
    for (let seen = Atomics.load(h.flag, 0); seen !== id && Date.now() < deadline; seen = Atomics.load(h.flag, 0)) Atomics.wait(h.flag, 0, seen, 1_000);
    const got = receiveMessageOnPort(h.port)?.message as typeof answer;
    if (got && got.id === id) answer = got;
  } catch {
    answer = undefined;
  }
  if (!answer) {
    // Stuck or broken: stop using it, and make sure ourselves.
    helper = null;
    void h.worker.terminate();
    return syncHere(fds);
  }
  if (answer.error) {
    const e = new Error(`fsync failed: ${answer.error.message}`) as NodeJS.ErrnoException;
    if (answer.error.code) e.code = answer.error.code;
    throw e;
  }
}
