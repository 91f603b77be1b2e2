import type { ParsedReq, ResIn } from '../../shared/api/contract';
import { isOgmaError } from '../../shared/api/errors';
import { maskText } from '../core/pii';
import type { Vault } from '../core/vault';
import { SearchReadModel, parseSearchQuery, type SearchRow, type SearchTerm } from '../core/vault/review-search';
import { requireTenant } from './review-content';
import { maskedEmail } from './review-mask';
import { highlightRanges, makeSnippet, type Snippet } from './review-snippets';

/**
 * search.query: the FTS5 index finds the messages (terms read by parseSearchQuery, never
 * passed through as FTS syntax); the page's texts are opened, masked, and a snippet with
 * highlights is cut from the masked text. See review-snippets.ts on why this is not a PII
 * oracle beyond telling you that a message contains what you typed.
 */
export class ReviewSearch {
  constructor(private readonly vault: () => Vault) {}

  query(req: ParsedReq<'search.query'>): ResIn<'search.query'> {
    const v = this.vault();
    requireTenant(v, req.tenantId, { content: true });
    const terms = parseSearchQuery(req.query);
    const model = new SearchReadModel(v.db);
    const filter = { tenantId: req.tenantId, orgIds: req.orgIds, userIds: req.userIds, roles: req.roles, created: req.created };
    const rows = model.page(terms, filter, req.sort, req.offset, req.limit);
    return {
      total: model.count(terms, filter),
      offset: req.offset,
      // Echoed through the mask too: the answer holds no PII, not even what was typed.
      terms: terms.map((t) => ({ kind: t.kind, text: maskText(t.text).masked })),
      hits: rows.map((r) => {
        const names = model.names(r.tenantId, r.orgId, r.userId);
        return {
          tenantId: r.tenantId,
          chatId: r.chatId,
          messageId: r.messageId,
          role: r.role,
          createdAt: r.createdAt,
          org: { id: r.orgId, name: names.orgName },
          user: { id: r.userId, name: names.userName, email: maskedEmail(names.userEmail) },
          superseded: r.superseded === 1,
          recordSeq: r.recordSeq,
          snippet: this.snippet(v, r, terms),
        };
      }),
    };
  }

  private snippet(v: Vault, r: SearchRow, terms: readonly SearchTerm[]): Snippet {
    let text: string;
    try {
      const got = v.getMessageText(r.tenantId, r.messageId);
      // Deleted between the match and now (another window): no text to show.
      if (got.status === 'deleted') return { text: '', highlights: [], spans: [] };
      text = got.text;
    } catch (e) {
      if (isOgmaError(e) && (e.code === 'TAMPERED' || e.code === 'UNREADABLE')) return { text: '', highlights: [], spans: [] };
      throw e;
    }
    const m = maskText(text);
    const chips = m.spans.map(({ start, end, kind, label }) => ({ start, end, kind, label }));
    return makeSnippet(m.masked, chips, highlightRanges(m.masked, terms, chips));
  }
}
