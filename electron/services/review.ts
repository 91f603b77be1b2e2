import type { ParsedReq, ResIn } from '../../shared/api/contract';
import type { Vault } from '../core/vault';
import { ReviewActivity } from './review-activity';
import { ReviewContent, type ChatTitleSource } from './review-content';
import { ReviewRecords } from './review-records';
import { ReviewSearch } from './review-search';
import type { WorkspaceService } from './workspace';

/**
 * Offline review: what the investigator's screens read. The chat table and its filters,
 * transcripts (masked, with chips), the logged reveal, a record's proof, search, the
 * audit log, captured activity and usage. All reads of the open workspace; the only
 * writes are the reveal's record (through WorkspaceService) and the audit view's derived
 * index (review_records). Any member may read; only an admin may reveal.
 */

export interface ReviewServiceDeps {
  workspace: WorkspaceService;
  /**
   * A chat's title as captured (plaintext), or null. By default the vault's own reader:
   * titles are sealed under the data subject's key (chats.title_sealed). Titles are masked
   * before they leave the service, and filtered on in their masked form only.
   */
  chatTitle?: ChatTitleSource;
}

export class ReviewService {
  private readonly content: ReviewContent;
  private readonly records: ReviewRecords;
  private readonly evidence: ReviewActivity;
  private readonly search: ReviewSearch;

  constructor(deps: ReviewServiceDeps) {
    const vault = (): Vault => deps.workspace.vault;
    this.content = new ReviewContent(deps.workspace, deps.chatTitle ?? ((vault, tenantId, chatId) => vault.content.chatTitle(tenantId, chatId)));
    this.records = new ReviewRecords(deps.workspace);
    this.evidence = new ReviewActivity(vault);
    this.search = new ReviewSearch(vault);
  }

  chats(req: ParsedReq<'content.chats'>): ResIn<'content.chats'> {
    return this.content.chats(req);
  }

  facets(req: ParsedReq<'content.facets'>): ResIn<'content.facets'> {
    return this.content.facets(req);
  }

  transcript(req: ParsedReq<'content.transcript'>): ResIn<'content.transcript'> {
    return this.content.transcript(req);
  }

  reveal(req: ParsedReq<'content.reveal'>): ResIn<'content.reveal'> {
    return this.content.reveal(req);
  }

  record(req: ParsedReq<'content.record'>): ResIn<'content.record'> {
    return this.records.record(req);
  }

  searchMessages(req: ParsedReq<'search.query'>): ResIn<'search.query'> {
    return this.search.query(req);
  }

  auditRecords(req: ParsedReq<'audit.records'>): ResIn<'audit.records'> {
    return this.records.audit(req);
  }

  activity(req: ParsedReq<'activity.query'>): ResIn<'activity.query'> {
    return this.evidence.activity(req);
  }

  keyUsage(req: ParsedReq<'activity.keyUsage'>): ResIn<'activity.keyUsage'> {
    return this.evidence.keyUsage(req);
  }

  usage(req: ParsedReq<'usage.summary'>): ResIn<'usage.summary'> {
    return this.evidence.usage(req);
  }
}
