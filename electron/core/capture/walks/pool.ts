/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function mapSettled<I, T>(items: readonly I[], limit: number, fn: (item: I) => Promise<T>): Promise<Settled<T>[]> {
  const out: Settled<T>[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      try {
        out[i] = { ok: true, value: await fn(items[i]!) };
      } catch (error) {
        out[i] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

/** At most `limit` calls in flight among everything that shares it (started in call order). */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active < Math.max(1, this.limit)) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      // Hand the slot straight to the next in line, or give it back.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** mapSettled under a shared Limiter: results keep the input order. */
export async function mapSettledShared<I, T>(items: readonly I[], limiter: Limiter, fn: (item: I) => Promise<T>): Promise<Settled<T>[]> {
  return Promise.all(
    items.map(async (item): Promise<Settled<T>> => {
      try {
        return { ok: true, value: await limiter.run(() => fn(item)) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );
}
