import type { ZodType } from 'zod';
import type { SourceClientOptions } from './anthropic-http';
import { HttpClient } from './http';
import {
  OpenAIAuditLog,
  OpenAIBucket,
  OpenAICompletionsUsage,
  OpenAICostResult,
  OpenAIList,
  OpenAIProject,
  OpenAIUsagePage,
  OpenAIUser,
  type OpenAICostBucket,
  type OpenAIUsageBucket,
} from './openai-admin-schemas';
import { walkIds, walkPageTokens, type Page } from './pagination';
import type { Query } from './query';

/** Typed client for the OpenAI organisation Admin API (costs, usage, audit logs, users, projects). */

export const OPENAI_BASE_URL = 'https://api.openai.com';
const P = '/v1/organization';

export interface UnixRange {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

export interface BucketQuery {
  /** Unix seconds, required (inclusive). */
  startTime: number;
  /** Unix seconds (exclusive). */
  endTime?: number;
  projectIds?: string[];
  groupBy?: string[];
  limit?: number;
  from?: string;
  signal?: AbortSignal;
}

export interface CompletionsUsageQuery extends BucketQuery {
  bucketWidth?: '1m' | '1h' | '1d';
  userIds?: string[];
  apiKeyIds?: string[];
  models?: string[];
  batch?: boolean;
}

export interface AuditLogQuery {
  effectiveAt?: UnixRange;
  eventTypes?: string[];
  actorIds?: string[];
  actorEmails?: string[];
  projectIds?: string[];
  resourceIds?: string[];
  tenantOnly?: boolean;
  /** 1–100 (default 20). */
  limit?: number;
  /** A stored `last_id`: continue with `after=<it>`. */
  from?: string;
  signal?: AbortSignal;
}

export class OpenAIAdminClient {
  readonly http: HttpClient;

  constructor(opts: SourceClientOptions) {
    this.http = new HttpClient({
      baseUrl: opts.baseUrl ?? OPENAI_BASE_URL,
      fetch: opts.fetch,
      key: opts.key,
      authHeaders: (raw) => ({ authorization: `Bearer ${raw}` }),
      wording: {
        vendor: 'the OpenAI Admin API',
        reconnect: 'Reconnect an OpenAI Admin key (sk-admin-) made by an Organization Owner in Integrations.',
        unauthorizedMayMeanPermission: true,
      },
      ...(opts.clock ? { clock: opts.clock } : {}),
      ...(opts.random ? { random: opts.random } : {}),
      ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.retry ? { retry: opts.retry } : {}),
      ...(opts.governor ? { governor: opts.governor } : {}),
      ...(opts.onExchange ? { onExchange: opts.onExchange } : {}),
    });
  }

  get keyHint(): string {
    return this.http.keyHint;
  }

  /** Daily cost buckets; each amount keeps its value plus decimal text and integer micro-dollars. */
  walkCosts(q: BucketQuery): AsyncGenerator<Page<OpenAICostBucket>> {
    return this.buckets('/costs', { ...bucketQuery(q), bucket_width: '1d' }, OpenAICostResult, q);
  }

  walkCompletionsUsage(q: CompletionsUsageQuery): AsyncGenerator<Page<OpenAIUsageBucket>> {
    return this.buckets(
      '/usage/completions',
      {
        ...bucketQuery(q),
        bucket_width: q.bucketWidth,
        'user_ids[]': q.userIds,
        'api_key_ids[]': q.apiKeyIds,
        'models[]': q.models,
        batch: q.batch,
      },
      OpenAICompletionsUsage,
      q,
    );
  }

  /** Audit events, newest first, continuing with `after=<last_id>`. */
  walkAuditLogs(q: AuditLogQuery = {}): AsyncGenerator<Page<OpenAIAuditLog>> {
    const e = q.effectiveAt;
    const query: Query = {
      'effective_at[gt]': e?.gt,
      'effective_at[gte]': e?.gte,
      'effective_at[lt]': e?.lt,
      'effective_at[lte]': e?.lte,
      'event_types[]': q.eventTypes,
      'actor_ids[]': q.actorIds,
      'actor_emails[]': q.actorEmails,
      'project_ids[]': q.projectIds,
      'resource_ids[]': q.resourceIds,
      tenant_only: q.tenantOnly,
      limit: q.limit === undefined ? undefined : Math.min(100, Math.max(1, q.limit)),
    };
    return this.list('/audit_logs', query, OpenAIAuditLog, q);
  }

  walkUsers(q: { emails?: string[]; limit?: number; from?: string; signal?: AbortSignal } = {}): AsyncGenerator<Page<OpenAIUser>> {
    return this.list('/users', { 'emails[]': q.emails, limit: q.limit }, OpenAIUser, q);
  }

  walkProjects(q: { includeArchived?: boolean; limit?: number; from?: string; signal?: AbortSignal } = {}): AsyncGenerator<Page<OpenAIProject>> {
    return this.list('/projects', { include_archived: q.includeArchived, limit: q.limit }, OpenAIProject, q);
  }

  private buckets<R>(
    path: string,
    query: Query,
    result: ZodType<R>,
    q: { from?: string; signal?: AbortSignal },
  ): AsyncGenerator<Page<{ start_time: number; end_time: number; results: R[] }>> {
    return walkPageTokens(
      async (page) => {
        const r = await this.http.request({
          method: 'GET',
          path: `${P}${path}`,
          query: { ...query, page },
          schema: OpenAIUsagePage(OpenAIBucket(result)),
          ...(q.signal ? { signal: q.signal } : {}),
        });
        return {
          items: r.data.data as { start_time: number; end_time: number; results: R[] }[],
          nextPage: r.data.next_page ?? null,
          hasMore: r.data.has_more,
          requestId: r.requestId,
        };
      },
      q.from,
      this.http.vendor,
    );
  }

  private list<T>(path: string, query: Query, item: ZodType<T>, q: { from?: string; signal?: AbortSignal }): AsyncGenerator<Page<T>> {
    return walkIds(
      async (cursor) => {
        const r = await this.http.request({
          method: 'GET',
          path: `${P}${path}`,
          query: { ...query, after: cursor },
          schema: OpenAIList(item),
          ...(q.signal ? { signal: q.signal } : {}),
        });
        return {
          items: r.data.data as T[],
          firstId: r.data.first_id ?? null,
          lastId: r.data.last_id ?? null,
          hasMore: r.data.has_more,
          requestId: r.requestId,
        };
      },
      q.from,
      'last',
      this.http.vendor,
    );
  }
}

function bucketQuery(q: BucketQuery): Query {
  return { start_time: q.startTime, end_time: q.endTime, 'project_ids[]': q.projectIds, 'group_by[]': q.groupBy, limit: q.limit };
}
