import { SourceError } from './source-error';
import { anthropicHttp, type SourceClientOptions } from './anthropic-http';
import {
  Activity,
  Chat,
  ChatDeleted,
  ChatWithMessages,
  EffectiveSettings,
  IdPage,
  Organization,
  OrgUser,
  TokenPage,
  type ChatMessage,
} from './anthropic-compliance-schemas';
import type { HttpClient } from './http';
import { walkIds, walkPageTokens, type Page } from './pagination';
import type { Query } from './query';

/**
 * Typed client for the Anthropic Compliance API (`/v1/compliance/*`). Walkers yield one
 * page at a time with the cursor that resumes after it; nothing here stores anything.
 */

const P = '/v1/compliance';

export interface TimeRange {
  gt?: string;
  gte?: string;
  lt?: string;
  lte?: string;
}

export interface WalkOptions {
  /** Resume point from a previous page's `cursor`. */
  from?: string;
  limit?: number;
  signal?: AbortSignal;
}

export interface ChatsFilter {
  /** 1–10 users; omit for the whole parent org. */
  userIds?: string[];
  orderBy?: 'created_at' | 'updated_at';
  createdAt?: TimeRange;
  updatedAt?: TimeRange;
  organizationIds?: string[];
  /** Needs `userIds`. */
  projectIds?: string[];
}

export interface ActivitiesFilter {
  activityTypes?: string[];
  excludeActivityTypes?: string[];
  actorIds?: string[];
  organizationIds?: string[];
  createdAt?: TimeRange;
  order?: 'asc' | 'desc';
}

export interface ActivitiesWalk extends ActivitiesFilter, WalkOptions {
  /**
   * Which cursor continues the walk. `after_id` (resume from `last_id`): on the default
   * newest-first order this goes to OLDER rows (backfill, paging inside a window).
   * `before_id` (resume from `first_id`): towards NEWER rows (cursor catch-up).
   */
  follow: 'after_id' | 'before_id';
}

export interface MessagesWalk extends WalkOptions {
  order?: 'asc' | 'desc';
  toolResultMaxChars?: number;
  toolUseInputMaxChars?: number;
}

export type ChatPage = Page<Chat>;
export type ActivityPage = Page<Activity>;
/** A page of one chat's messages, with the chat's own fields alongside. */
export type ChatMessagesPage = Page<ChatMessage> & { chat: Chat };

export class AnthropicComplianceClient {
  readonly http: HttpClient;

  constructor(opts: SourceClientOptions) {
    this.http = anthropicHttp(opts, {
      vendor: 'the Anthropic Compliance API',
      reconnect: 'Reconnect the Compliance Access Key (sk-ant-api01-) in Integrations.',
      unauthorizedMayMeanPermission: false,
    });
  }

  get keyHint(): string {
    return this.http.keyHint;
  }

  /** Organisations the key can see (page token; oldest first). Needs read:compliance_org_data. */
  walkOrganizations(opts: WalkOptions = {}): AsyncGenerator<Page<Organization>> {
    return walkPageTokens(
      async (page) => {
        const r = await this.http.request({
          method: 'GET',
          path: `${P}/organizations`,
          query: { limit: opts.limit, page },
          schema: TokenPage(Organization),
          ...signal(opts),
        });
        return { items: r.data.data, nextPage: r.data.next_page ?? null, hasMore: r.data.has_more, requestId: r.requestId };
      },
      opts.from,
      this.http.vendor,
    );
  }

  /** Active members of one org (page token). Needs read:compliance_user_data. */
  walkOrgUsers(orgUuid: string, opts: WalkOptions = {}): AsyncGenerator<Page<OrgUser>> {
    return walkPageTokens(
      async (page) => {
        const r = await this.http.request({
          method: 'GET',
          path: `${P}/organizations/${enc(orgUuid)}/users`,
          query: { limit: opts.limit, page },
          schema: TokenPage(OrgUser),
          ...signal(opts),
        });
        return { items: r.data.data, nextPage: r.data.next_page ?? null, hasMore: r.data.has_more, requestId: r.requestId };
      },
      opts.from,
      this.http.vendor,
    );
  }

  /**
   * Chats, org-wide or per user, oldest first by `orderBy`, continuing with
   * `after_id=<last_id>`. For an incremental org-wide export use `orderBy: 'updated_at'`
   * with `updatedAt.gte`, keep the final page's `cursor`, and upsert by chat id (a
   * changed chat comes back ahead of the cursor).
   */
  walkChats(filter: ChatsFilter & WalkOptions = {}): AsyncGenerator<ChatPage> {
    checkChatsFilter(filter);
    const base: Query = {
      'user_ids[]': filter.userIds,
      order_by: filter.orderBy,
      ...range('created_at', filter.createdAt),
      ...range('updated_at', filter.updatedAt),
      'organization_ids[]': filter.organizationIds,
      'project_ids[]': filter.projectIds,
      limit: filter.limit,
    };
    return walkIds(
      async (cursor) => {
        const r = await this.http.request({
          method: 'GET',
          path: `${P}/apps/chats`,
          query: { ...base, after_id: cursor },
          schema: IdPage(Chat),
          ...signal(filter),
        });
        return idFetch(r.data, r.requestId);
      },
      filter.from,
      'last',
      this.http.vendor,
    );
  }

  /** One chat with ALL its messages in one response (no `limit`). */
  async getChatWithMessages(chatId: string, opts: { signal?: AbortSignal; toolResultMaxChars?: number; toolUseInputMaxChars?: number } = {}): Promise<{ chat: ChatWithMessages; requestId: string | null }> {
    const r = await this.http.request({
      method: 'GET',
      path: `${P}/apps/chats/${enc(chatId)}/messages`,
      query: { tool_result_max_chars: opts.toolResultMaxChars, tool_use_input_max_chars: opts.toolUseInputMaxChars },
      schema: ChatWithMessages,
      ...signal(opts),
    });
    return { chat: r.data, requestId: r.requestId };
  }

  /** A very long chat's messages page by page (`limit` ≤ 1000, `after_id=<last_id>`). */
  walkChatMessages(chatId: string, opts: MessagesWalk = {}): AsyncGenerator<ChatMessagesPage> {
    const limit = opts.limit ?? 1000;
    return walkIds(
      async (cursor) => {
        const r = await this.http.request({
          method: 'GET',
          path: `${P}/apps/chats/${enc(chatId)}/messages`,
          query: {
            limit,
            order: opts.order,
            after_id: cursor,
            tool_result_max_chars: opts.toolResultMaxChars,
            tool_use_input_max_chars: opts.toolUseInputMaxChars,
          },
          schema: ChatWithMessages,
          ...signal(opts),
        });
        const { chat_messages, has_more, first_id, last_id, ...chat } = r.data;
        return {
          items: chat_messages,
          firstId: first_id ?? null,
          lastId: last_id ?? null,
          hasMore: has_more ?? false,
          requestId: r.requestId,
          chat: chat as Chat,
        };
      },
      opts.from,
      'last',
      this.http.vendor,
    );
  }

  /** The Activity Feed (newest first by default). Needs read:compliance_activities. */
  walkActivities(walk: ActivitiesWalk): AsyncGenerator<ActivityPage> {
    if (walk.activityTypes?.length && walk.excludeActivityTypes?.length) {
      throw new SourceError('VALIDATION_FAILED', 'Choose activity types to include or to exclude, not both: the Activity Feed refuses the combination.', {
        reason: 'bad-request',
        vendor: this.http.vendor,
      });
    }
    const base: Query = {
      'activity_types[]': walk.activityTypes,
      'exclude_activity_types[]': walk.excludeActivityTypes,
      'actor_ids[]': walk.actorIds,
      'organization_ids[]': walk.organizationIds,
      ...range('created_at', walk.createdAt),
      order: walk.order,
      limit: walk.limit,
    };
    return walkIds(
      async (cursor) => {
        const r = await this.http.request({
          method: 'GET',
          path: `${P}/activities`,
          query: { ...base, [walk.follow]: cursor },
          schema: IdPage(Activity),
          ...signal(walk),
        });
        return idFetch(r.data, r.requestId);
      },
      walk.from,
      walk.follow === 'after_id' ? 'last' : 'first',
      this.http.vendor,
    );
  }

  /** Effective settings of one org (bare UUID). Needs read:compliance_org_data. */
  async getSettings(orgUuid: string, opts: { signal?: AbortSignal } = {}): Promise<{ settings: EffectiveSettings; requestId: string | null }> {
    const r = await this.http.request({
      method: 'GET',
      path: `${P}/organizations/${enc(orgUuid)}/settings`,
      schema: EffectiveSettings,
      ...signal(opts),
    });
    return { settings: r.data, requestId: r.requestId };
  }

  /**
   * Hard-deletes a chat (irreversible; archive it first). Resolves only when the vendor
   * confirms with `{id: chatId, type: "claude_chat_deleted"}`; anything else is an error.
   */
  async deleteChat(chatId: string, opts: { signal?: AbortSignal } = {}): Promise<{ id: string; type: 'claude_chat_deleted'; requestId: string | null }> {
    const r = await this.http.request({ method: 'DELETE', path: `${P}/apps/chats/${enc(chatId)}`, schema: ChatDeleted, ...signal(opts) });
    if (r.data.type !== 'claude_chat_deleted' || r.data.id !== chatId) {
      throw new SourceError(
        'UPSTREAM',
        `The Anthropic Compliance API answered the deletion of chat ${chatId} without confirming it (got type "${r.data.type}" for "${r.data.id}")${r.requestId ? ` (request id ${r.requestId})` : ''}. Treat the chat as not deleted and check it before trying again.`,
        { reason: 'not-confirmed', vendor: this.http.vendor, method: 'DELETE', status: r.status, requestId: r.requestId },
      );
    }
    return { id: r.data.id, type: 'claude_chat_deleted', requestId: r.requestId };
  }
}

function idFetch<T>(data: { data: T[]; has_more: boolean; first_id?: string | null; last_id?: string | null }, requestId: string | null) {
  return { items: data.data, firstId: data.first_id ?? null, lastId: data.last_id ?? null, hasMore: data.has_more, requestId };
}

function range(name: string, r: TimeRange | undefined): Query {
  if (!r) return {};
  return { [`${name}.gt`]: r.gt, [`${name}.gte`]: r.gte, [`${name}.lt`]: r.lt, [`${name}.lte`]: r.lte };
}

function enc(id: string): string {
  return encodeURIComponent(id);
}

function signal(o: { signal?: AbortSignal }): { signal?: AbortSignal } {
  return o.signal ? { signal: o.signal } : {};
}

function hasRange(r: TimeRange | undefined): boolean {
  return !!r && [r.gt, r.gte, r.lt, r.lte].some((v) => v !== undefined);
}

/** The chats filter rules the API enforces with a 400, checked before spending quota. */
function checkChatsFilter(f: ChatsFilter): void {
  const perUser = (f.userIds?.length ?? 0) > 0;
  const fail = (message: string): never => {
    throw new SourceError('VALIDATION_FAILED', message, { reason: 'bad-request', vendor: 'the Anthropic Compliance API' });
  };
  if ((f.userIds?.length ?? 0) > 10) fail('A chats query can name at most 10 users; split the list.');
  if (perUser && f.orderBy === 'updated_at') fail('Ordering chats by updated_at works only org-wide (without user ids).');
  if (perUser && hasRange(f.updatedAt)) fail('updated_at filters cannot be combined with user ids; walk org-wide by updated_at instead.');
  if (!perUser && (f.projectIds?.length ?? 0) > 0) fail('Filtering chats by project needs user ids as well.');
  if (!perUser) {
    const order = f.orderBy ?? 'created_at';
    if (order === 'created_at' && hasRange(f.updatedAt)) fail('Org-wide, updated_at filters need orderBy updated_at.');
    if (order === 'updated_at' && hasRange(f.createdAt)) fail('Org-wide, created_at filters need orderBy created_at.');
  }
}
