/**
 * The slice of `fetch` the source clients use. The global `fetch` (undici) satisfies it;
 * tests hand in a scripted fake. Keeping it this small is what makes the fake honest.
 */
export interface HeaderView {
  get(name: string): string | null;
}

export interface ResponseLike {
  status: number;
  headers: HeaderView;
  text(): Promise<string>;
}

export interface RequestInitLike {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

export type FetchLike = (url: string, init: RequestInitLike) => Promise<ResponseLike>;
