import { anthropicHttp, type SourceClientOptions } from './anthropic-http';
import { AdminUser, Bucket, CostResult, OrgMe, UsageResult, type CostBucket, type UsageBucket } from './anthropic-admin-schemas';
import { IdPage, TokenPage } from './anthropic-compliance-schemas';
import type { HttpClient } from './http';
import { walkIds, walkPageTokens, type Page } from './pagination';

/** Typed client for the Anthropic Admin API: who the org is, usage and cost reports, members. */

const P = '/v1/organizations';

export interface ReportQuery {
  /** RFC 3339, required. */
  startingAt: string;
  endingAt?: string;
  groupBy?: string[];
  /** Number of buckets per page. */
  limit?: number;
  from?: string;
  signal?: AbortSignal;
}

export interface UsageQuery extends ReportQuery {
  bucketWidth?: '1m' | '1h' | '1d';
  models?: string[];
  apiKeyIds?: string[];
  workspaceIds?: string[];
  accountIds?: string[];
  serviceTiers?: string[];
}

export interface CostQuery extends ReportQuery {
  /** Only `1d` exists. */
  bucketWidth?: '1d';
}

export class AnthropicAdminClient {
  readonly http: HttpClient;

  constructor(opts: SourceClientOptions) {
    this.http = anthropicHttp(opts, {
      vendor: 'the Anthropic Admin API',
      reconnect: 'Reconnect the Admin key (sk-ant-admin01-) in Integrations.',
      unauthorizedMayMeanPermission: false,
    });
  }

  get keyHint(): string {
    return this.http.keyHint;
  }

  /** The organisation this key belongs to: `{id (UUID), type, name}`. */
  async me(opts: { signal?: AbortSignal } = {}): Promise<{ org: OrgMe; requestId: string | null }> {
    const r = await this.http.request({ method: 'GET', path: `${P}/me`, schema: OrgMe, ...sig(opts) });
    return { org: r.data, requestId: r.requestId };
  }

  /** Token usage buckets, oldest first, empty intervals included. Keep every parameter fixed across pages. */
  walkUsageReport(q: UsageQuery): AsyncGenerator<Page<UsageBucket>> {
    const query = {
      starting_at: q.startingAt,
      ending_at: q.endingAt,
      bucket_width: q.bucketWidth,
      'group_by[]': q.groupBy,
      'models[]': q.models,
      'api_key_ids[]': q.apiKeyIds,
      'workspace_ids[]': q.workspaceIds,
      'account_ids[]': q.accountIds,
      'service_tiers[]': q.serviceTiers,
      limit: q.limit,
    };
    return walkPageTokens(
      async (page) => {
        const r = await this.http.request({
          method: 'GET',
          path: `${P}/usage_report/messages`,
          query: { ...query, page },
          schema: TokenPage(Bucket(UsageResult)),
          ...sig(q),
        });
        return { items: r.data.data, nextPage: r.data.next_page ?? null, hasMore: r.data.has_more, requestId: r.requestId };
      },
      q.from,
      this.http.vendor,
    );
  }

  /** Daily cost buckets; `amount` stays a decimal string in cents. */
  walkCostReport(q: CostQuery): AsyncGenerator<Page<CostBucket>> {
    const query = {
      starting_at: q.startingAt,
      ending_at: q.endingAt,
      bucket_width: q.bucketWidth,
      'group_by[]': q.groupBy,
      limit: q.limit,
    };
    return walkPageTokens(
      async (page) => {
        const r = await this.http.request({
          method: 'GET',
          path: `${P}/cost_report`,
          query: { ...query, page },
          schema: TokenPage(Bucket(CostResult)),
          ...sig(q),
        });
        return { items: r.data.data, nextPage: r.data.next_page ?? null, hasMore: r.data.has_more, requestId: r.requestId };
      },
      q.from,
      this.http.vendor,
    );
  }

  /** Members (id cursor, `after_id=<last_id>`). */
  walkUsers(opts: { email?: string; roles?: string[]; limit?: number; from?: string; signal?: AbortSignal } = {}): AsyncGenerator<Page<AdminUser>> {
    return walkIds(
      async (cursor) => {
        const r = await this.http.request({
          method: 'GET',
          path: `${P}/users`,
          query: { email: opts.email, 'roles[]': opts.roles, limit: opts.limit, after_id: cursor },
          schema: IdPage(AdminUser),
          ...sig(opts),
        });
        return { items: r.data.data, firstId: r.data.first_id ?? null, lastId: r.data.last_id ?? null, hasMore: r.data.has_more, requestId: r.requestId };
      },
      opts.from,
      'last',
      this.http.vendor,
    );
  }
}

function sig(o: { signal?: AbortSignal }): { signal?: AbortSignal } {
  return o.signal ? { signal: o.signal } : {};
}
