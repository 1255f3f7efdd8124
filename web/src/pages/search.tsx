import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { DocumentSummary, Page, SearchHit } from '../api/types';
import { AsyncView, Day, docLabel, Pager } from '../components/common';
import { useLang } from '../i18n/lang';
import { useAsync } from '../lib/use-async';
import { href, type Route, setQuery } from '../router';

const LIMIT = 20;

type Listing = { kind: 'hits'; page: Page<SearchHit> } | { kind: 'docs'; page: Page<DocumentSummary> };

/** The snippet as text with <mark> around the matched words (offsets into the snippet string). */
function Snippet({ hit }: { hit: SearchHit }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  const marks = [...hit.snippetHighlights].sort((a, b) => a.start - b.start);
  for (const [i, h] of marks.entries()) {
    if (h.start < at) continue;
    if (h.start > at) parts.push(hit.snippet.slice(at, h.start));
    parts.push(<mark key={i}>{hit.snippet.slice(h.start, h.end)}</mark>);
    at = h.end;
  }
  if (at < hit.snippet.length) parts.push(hit.snippet.slice(at));
  return (
    <p class="snippet" lang="ar" dir="rtl">
      {parts}
    </p>
  );
}

function Hits({ page, onPage }: { page: Page<SearchHit>; onPage(o: number): void }) {
  const { t } = useLang();
  if (page.total === 0) return <p class="muted">{t('noResults')}</p>;
  return (
    <>
      <ol class="results" aria-label={t('results')}>
        {page.items.map((hit) => (
          <li key={hit.id} class="result">
            <a class="result-title" href={href.doc(hit.id, hit.highlights[0])} lang="ar" dir="auto">
              {docLabel(hit)}
            </a>
            <span class="muted meta">
              <Day value={hit.published} /> <span dir="ltr">{hit.source}</span>
            </span>
            <Snippet hit={hit} />
          </li>
        ))}
      </ol>
      <Pager total={page.total} offset={page.offset} limit={page.limit} onChange={onPage} />
    </>
  );
}

function Documents({ page, onPage }: { page: Page<DocumentSummary>; onPage(o: number): void }) {
  const { t } = useLang();
  if (page.total === 0) return <p class="muted">{t('noResults')}</p>;
  return (
    <>
      <ol class="results" aria-label={t('allDocuments')}>
        {page.items.map((d) => (
          <li key={d.id} class="result">
            <a class="result-title" href={href.doc(d.id)} lang="ar" dir="auto">
              {docLabel(d)}
            </a>
            <span class="muted meta">
              <Day value={d.published} /> · {t('characters', { n: d.chars })} ·{' '}
              <span dir="ltr">{d.source}</span>
            </span>
          </li>
        ))}
      </ol>
      <Pager total={page.total} offset={page.offset} limit={page.limit} onChange={onPage} />
    </>
  );
}

export function SearchPage({ route }: { route: Route }) {
  const { t } = useLang();
  const q = route.query.get('q') ?? '';
  const from = route.query.get('from') ?? '';
  const to = route.query.get('to') ?? '';
  const source = route.query.get('source') ?? '';
  const offset = Number(route.query.get('offset') ?? 0) || 0;
  const [draft, setDraft] = useState({ q, from, to, source });
  const result = useAsync<Listing>(
    (): Promise<Listing> =>
      q
        ? api
            .search({
              q,
              from: from || undefined,
              to: to || undefined,
              source: source || undefined,
              limit: LIMIT,
              offset,
            })
            .then((page) => ({ kind: 'hits' as const, page }))
        : api.documents({ limit: LIMIT, offset }).then((page) => ({ kind: 'docs' as const, page })),
    [q, from, to, source, offset],
  );
  const onPage = (o: number) => setQuery(route, { offset: String(o) });
  return (
    <section>
      <h1>{t('searchTitle')}</h1>
      <form
        class="search-form"
        aria-label={t('searchTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(route, { ...draft, offset: undefined });
        }}
      >
        <label class="grow">
          <span>{t('searchLabel')}</span>
          <input
            type="search"
            name="q"
            value={draft.q}
            placeholder={t('searchPlaceholder')}
            onInput={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
          />
        </label>
        <label>
          <span>{t('from')}</span>
          <input
            type="date"
            value={draft.from}
            onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          />
        </label>
        <label>
          <span>{t('to')}</span>
          <input
            type="date"
            value={draft.to}
            onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          />
        </label>
        <label>
          <span>{t('sourceFilter')}</span>
          <input
            value={draft.source}
            onInput={(e) => setDraft({ ...draft, source: e.currentTarget.value })}
          />
        </label>
        <button type="submit">{t('searchButton')}</button>
      </form>
      <h2>{q ? t('results') : t('allDocuments')}</h2>
      <AsyncView value={result}>
        {(r) =>
          r.kind === 'hits' ? (
            <Hits page={r.page} onPage={onPage} />
          ) : (
            <Documents page={r.page} onPage={onPage} />
          )
        }
      </AsyncView>
    </section>
  );
}
