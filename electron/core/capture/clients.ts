import { OgmaError } from '../../../shared/api/errors';
import {
  AnthropicAdminClient,
  AnthropicComplianceClient,
  classifyKey,
  OpenAIAdminClient,
  SCOPE_ACTIVITIES,
  type Clock,
  type Exchange,
  type FetchLike,
  type Random,
  type RateGovernor,
  type RetryPolicy,
  type SourceClientOptions,
} from '../sources';
import type { Vault } from '../vault';
import { SourceTable } from './state/sources';
import type { CaptureSlot } from './types';

/**
 * Vendor clients built from a tenant's sealed keys. The vault lends the plaintext key to a
 * callback only (credentials.use); the client is made inside it, used, and dropped, so the
 * key exists in memory for the duration of one source's walks and is never stored anywhere
 * else. Base URLs come from the tenant's capture_sources row (the simulator's, in tests).
 */

export interface ClientFor {
  'anthropic-compliance': AnthropicComplianceClient;
  'anthropic-admin': AnthropicAdminClient;
  openai: OpenAIAdminClient;
}

export interface AccessOptions {
  fetch: FetchLike;
  clock?: Clock;
  random?: Random;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** The rate governor of this tenant's vendor organisation for a slot (shared across pulls). */
  governor?: (slot: CaptureSlot) => RateGovernor | undefined;
  /** Overrides every slot's stored base URL (e.g. `ogma pull --base-url`). */
  baseUrl?: string;
}

export class SourceAccess {
  private readonly sources: SourceTable;

  constructor(
    private readonly vault: Vault,
    private readonly tenantId: string,
    private readonly opts: AccessOptions,
    private readonly onExchange: (e: Exchange) => void = () => {},
  ) {
    this.sources = new SourceTable(vault.db);
  }

  /** Slots with a sealed key. */
  slots(): CaptureSlot[] {
    return this.vault.credentials.list(this.tenantId).map((c) => c.kind as CaptureSlot);
  }

  has(slot: CaptureSlot): boolean {
    return this.slots().includes(slot);
  }

  /**
   * Whose key reads the Activity Feed: the Compliance key when it proved the feed scope,
   * else the Admin key (which carries only that scope), else none.
   */
  feedSlot(): 'anthropic-compliance' | 'anthropic-admin' | null {
    const compliance = this.has('anthropic-compliance') ? this.sources.get(this.tenantId, 'anthropic-compliance') : null;
    if (compliance && (compliance.checked.scopesFound ?? []).includes(SCOPE_ACTIVITIES)) return 'anthropic-compliance';
    if (this.has('anthropic-admin')) return 'anthropic-admin';
    return null;
  }

  baseUrlOf(slot: CaptureSlot): string | undefined {
    return this.opts.baseUrl ?? this.sources.get(this.tenantId, slot)?.baseUrl;
  }

  withClient<S extends CaptureSlot, T>(slot: S, fn: (client: ClientFor[S]) => Promise<T>): Promise<T> {
    return this.lend(slot, (o) => fn(makeClient(slot, o) as ClientFor[S]));
  }

  /**
   * The Activity Feed with the key of `slot`. It is a Compliance API endpoint, so it spends
   * the Compliance budget (shared by every key of the parent org) whichever key reads it.
   */
  withFeedClient<T>(slot: 'anthropic-compliance' | 'anthropic-admin', fn: (client: AnthropicComplianceClient) => Promise<T>): Promise<T> {
    return this.lend(slot, (o) => fn(new AnthropicComplianceClient(o)), 'anthropic-compliance');
  }

  private lend<T>(slot: CaptureSlot, fn: (o: SourceClientOptions) => Promise<T>, budget: CaptureSlot = slot): Promise<T> {
    return this.vault.credentials.use(this.tenantId, slot, async (secret) => {
      const classified = classifyKey(secret.toString('utf8'));
      if (classified.kind === 'unknown') {
        throw new OgmaError('KEY_REJECTED', `The sealed "${slot}" key of tenant "${this.tenantId}" is not a vendor key any more; connect it again.`, { field: slot });
      }
      const governor = this.opts.governor?.(budget);
      const baseUrl = this.baseUrlOf(slot);
      return fn({
        key: classified.key,
        fetch: this.opts.fetch,
        ...(baseUrl ? { baseUrl } : {}),
        ...(this.opts.clock ? { clock: this.opts.clock } : {}),
        ...(this.opts.random ? { random: this.opts.random } : {}),
        ...(this.opts.timeoutMs !== undefined ? { timeoutMs: this.opts.timeoutMs } : {}),
        ...(this.opts.retry ? { retry: this.opts.retry } : {}),
        ...(governor ? { governor } : {}),
        onExchange: this.onExchange,
      });
    });
  }
}

export function makeClient(slot: CaptureSlot, o: SourceClientOptions): ClientFor[CaptureSlot] {
  switch (slot) {
    case 'anthropic-compliance':
      return new AnthropicComplianceClient(o);
    case 'anthropic-admin':
      return new AnthropicAdminClient(o);
    case 'openai':
      return new OpenAIAdminClient(o);
  }
}
