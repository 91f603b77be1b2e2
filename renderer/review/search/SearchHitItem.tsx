import { hrefFor } from '../../routing/routes';
import { formatDateTime } from '../common/format';
import { hitPath } from './searchQuery';
import type { SearchHit } from './searchStore';
import { SnippetText } from './SnippetText';

/** One matching message: who and where, then the masked snippet; the whole card opens the transcript at that message. */
export function SearchHitItem({ hit }: { hit: SearchHit }) {
  const who = hit.user.name ?? hit.user.email ?? hit.user.id ?? 'Unknown user';
  const org = hit.org.name ?? hit.org.id ?? 'Unknown organisation';
  const empty = hit.snippet.text === '';
  // A fully masked address ("[EMAIL]") beside a name tells the reader nothing.
  const email = hit.user.email && !/^\[[^\]]*\]$/u.test(hit.user.email) ? hit.user.email : null;
  return (
    <li className="hit">
      <a className="hit__link" href={hrefFor('content', ...hitPath(hit))} data-message-id={hit.messageId}>
        <span className="hit__meta">
          <span className={`badge hit__role hit__role--${hit.role === 'user' ? 'user' : 'other'}`}>{hit.role}</span>
          <span className="hit__who">{who}</span>
          {hit.user.name && email && <span className="hit__email">{email}</span>}
          <span className="hit__org">{org}</span>
          {hit.superseded && <span className="badge badge--outline">Edited upstream</span>}
          <time className="hit__time num" dateTime={hit.createdAt ?? undefined}>
            {formatDateTime(hit.createdAt)}
          </time>
        </span>
        <span className={`hit__snippet${empty ? ' hit__snippet--empty' : ''}`}>
          {empty ? 'The text of this message is no longer readable here (deleted or failed its integrity check); open the chat for details.' : <SnippetText text={hit.snippet.text} highlights={hit.snippet.highlights} spans={hit.snippet.spans} />}
        </span>
      </a>
    </li>
  );
}
