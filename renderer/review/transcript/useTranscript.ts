import { useEffect, useState } from 'react';
import type { Res } from '../../../shared/api/contract';
import type { TranscriptMessageDto } from '../../../shared/api/review-schemas';
import { useApi } from '../../api-context';
import { toFailure, type Failure } from '../../errors/failure';

type Chat = Res<'content.transcript'>['chat'];

export type TranscriptLoad =
  | { state: 'loading'; chat: Chat | null; messages: TranscriptMessageDto[]; total: number | null }
  | { state: 'ready'; chat: Chat; messages: TranscriptMessageDto[]; total: number }
  | { state: 'failed'; failure: Failure };

/** The contract's page limit for transcripts; a longer chat arrives in several answers, shown as they come. */
const PAGE = 500;

/** One chat's messages in order, every page of them. */
export function useTranscript(tenantId: string, chatId: string): TranscriptLoad {
  const api = useApi();
  const [load, setLoad] = useState<TranscriptLoad>({ state: 'loading', chat: null, messages: [], total: null });

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        let offset = 0;
        let messages: TranscriptMessageDto[] = [];
        for (;;) {
          const res = await api.content.transcript({ tenantId, chatId, offset, limit: PAGE });
          if (!live) return;
          messages = messages.concat(res.messages);
          offset += res.messages.length;
          const done = res.messages.length === 0 || offset >= res.total;
          setLoad(done ? { state: 'ready', chat: res.chat, messages, total: res.total } : { state: 'loading', chat: res.chat, messages, total: res.total });
          if (done) return;
        }
      } catch (error) {
        if (live) setLoad({ state: 'failed', failure: toFailure(error) });
      }
    })();
    return () => {
      live = false;
    };
  }, [api, tenantId, chatId]);

  return load;
}
