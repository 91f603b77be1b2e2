import { useEffect, useRef } from 'react';
import type { WorkspaceSummary } from '../../../shared/api/schemas';
import { useApi } from '../../api-context';
import { FormAlert } from '../../forms/FormAlert';
import '../../styles/search.css';
import { QUERY_SYNTAX, QUERY_SYNTAX_NOTE, termsLabel } from './querySyntax';
import { activeFilterCount, filterProblem, resultCountLabel, type SearchFilters } from './searchQuery';
import { loadFacets, loadMoreHits, runSearch, useSearch } from './searchStore';
import { SearchFiltersPanel } from './SearchFiltersPanel';
import { SearchHitItem } from './SearchHitItem';
import { useSlashFocus } from './useSlashFocus';

/**
 * Full-text search over the captured messages: the box has focus on arrival and `/` brings
 * it back; filters narrow by organisation, user, role and day; each hit shows a masked
 * snippet with the matched words marked and opens the chat's transcript at that message.
 */
export function SearchSurface({ workspace }: { workspace: WorkspaceSummary }) {
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const { draft, filters, ran, total, terms, hits, loading, failure, facets, setDraft, setFilters } = useSearch();
  const problem = filterProblem(filters);

  useSlashFocus(input);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  useEffect(() => {
    void loadFacets(api);
  }, [api, workspace.id]);

  const changeFilters = (patch: Partial<SearchFilters>) => {
    setFilters(patch);
    const next = { ...filters, ...patch };
    if (ran && !filterProblem(next)) void runSearch(api);
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!problem) void runSearch(api);
  };

  const badQuery = failure?.code === 'VALIDATION_FAILED' && (failure.field === 'query' || failure.field === undefined);
  const filtersOn = activeFilterCount(filters);

  return (
    <div className="search">
      <form role="search" className="search__bar" onSubmit={submit} aria-label="Search messages">
        <label htmlFor="search-query" className="visually-hidden">
          Search captured messages
        </label>
        <input
          id="search-query"
          ref={input}
          className="field__input search__input"
          type="search"
          value={draft}
          placeholder='Words, "an exact phrase" or a prefix*'
          autoComplete="off"
          spellCheck={false}
          maxLength={500}
          aria-describedby="search-syntax"
          aria-invalid={badQuery || undefined}
          aria-keyshortcuts="/"
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={loading === 'first' || draft.trim() === ''}>
          {loading === 'first' ? 'Searching…' : 'Search'}
        </button>
      </form>
      <div id="search-syntax" className="search__syntax">
        {QUERY_SYNTAX.map((s) => (
          <span key={s.example} className="search__syntax-item">
            <code>{s.example}</code> {s.meaning}
          </span>
        ))}
        <span className="search__syntax-note">{QUERY_SYNTAX_NOTE}</span>
      </div>

      <div className="search__layout">
        <SearchFiltersPanel filters={filters} facets={facets} problem={problem} onChange={changeFilters} />
        <section className="search__results" aria-labelledby="search-results-title" aria-busy={loading !== 'none'}>
          <h2 id="search-results-title" className="visually-hidden">
            Results
          </h2>
          {failure && <FormAlert failure={failure} title={badQuery ? 'That search could not be read' : 'The search did not run'} />}
          {ran === null && !failure ? (
            <div className="panel search__empty">
              <p className="empty__title">Search everything captured in this case</p>
              <p className="muted">Type words and press Enter. Text is searched inside the encrypted vault; what you see stays masked.</p>
            </div>
          ) : ran !== null ? (
            <>
              <div className="search__summary" role="status">
                <span className="search__count">{resultCountLabel(hits.length, total)}</span>
                {terms.length > 0 && (
                  <span className="search__terms muted">
                    for <span className="mono">{termsLabel(terms)}</span>
                  </span>
                )}
                {filtersOn > 0 && <span className="badge badge--neutral">{filtersOn === 1 ? '1 filter' : `${filtersOn} filters`}</span>}
              </div>
              {hits.length === 0 ? (
                <div className="panel search__empty">
                  <p className="empty__title">Nothing matched</p>
                  <p className="muted">Every word must appear in the same message. Try fewer words, a prefix (contract*), or clear the filters.</p>
                </div>
              ) : (
                <ol className="hits" aria-label="Matching messages">
                  {hits.map((h) => (
                    <SearchHitItem key={`${h.tenantId}/${h.messageId}`} hit={h} />
                  ))}
                </ol>
              )}
              {hits.length < total && (
                <button type="button" className="button button--secondary search__more" disabled={loading !== 'none'} onClick={() => void loadMoreHits(api)}>
                  {loading === 'more' ? 'Loading…' : `Show more (${(total - hits.length).toLocaleString('en-US')} left)`}
                </button>
              )}
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}
