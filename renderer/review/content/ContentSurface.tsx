import type { WorkspaceSummary } from '../../../shared/api/schemas';
import { useHashRoute } from '../../routing/useHashRoute';
import { TranscriptView } from '../transcript/TranscriptView';
import { ChatBrowser } from './ChatBrowser';

/** `#/content` is the chat table; `#/content/<tenantId>/<chatId>` is one chat's transcript. */
export function ContentSurface({ workspace }: { workspace: WorkspaceSummary }) {
  const [route] = useHashRoute();
  const [tenantId, chatId, messageId] = route.rest;
  if (tenantId !== undefined && chatId !== undefined) {
    // Keyed by chat: opening another chat starts from nothing, so no reveal carries over.
    return <TranscriptView key={`${tenantId}\u0000${chatId}`} tenantId={tenantId} chatId={chatId} initialMessageId={messageId} workspace={workspace} />;
  }
  return <ChatBrowser workspace={workspace} />;
}
