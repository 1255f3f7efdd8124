import type { ComponentChildren } from 'preact';
import type { AggregatedRelation, DateRange } from '../api/types';
import { useLang } from '../i18n/lang';
import { formatRange } from '../lib/dates';
import { displayName } from '../lib/names';
import type { Async } from '../lib/use-async';
import { href, type Route, setQuery } from '../router';

export function Loading() {
  const { t } = useLang();
  return (
    <p class="loading" role="status">
      {t('loading')}
    </p>
  );
}

export function ErrorBox({ error }: { error: Error }) {
  const { t } = useLang();
  return (
    <div class="error" role="alert">
      <strong>{t('error')}:</strong> <span dir="auto">{error.message}</span>
    </div>
  );
}

/** Loading, error, or the children rendered with the value. */
export function AsyncView<T>({
  value,
  children,
}: {
  value: Async<T>;
  children: (v: T) => ComponentChildren;
}) {
  if (value.state === 'loading') return <Loading />;
  if (value.state === 'error') return <ErrorBox error={value.error} />;
  return <>{children(value.value)}</>;
}

export function Pager({
  total,
  offset,
  limit,
  onChange,
}: {
  total: number;
  offset: number;
  limit: number;
  onChange(offset: number): void;
}) {
  const { t } = useLang();
  if (total === 0) return null;
  const to = Math.min(total, offset + limit);
  return (
    <nav class="pager" aria-label={t('results')}>
      <button type="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        {t('previous')}
      </button>
      <span>{t('pageOf', { from: offset + 1, to, total })}</span>
      <button type="button" disabled={to >= total} onClick={() => onChange(offset + limit)}>
        {t('next')}
      </button>
    </nav>
  );
}

export function EntityLink({ id, name }: { id: string; name?: string | null }) {
  return (
    <a class="entity-link" href={href.entity(id)} lang="ar" dir="auto">
      {name || id}
    </a>
  );
}

export function EntityLinks({ ids, nameOf }: { ids: readonly string[]; nameOf(id: string): string }) {
  const { t } = useLang();
  if (ids.length === 0) return <span class="muted">{t('none')}</span>;
  return (
    <span class="entity-list">
      {ids.map((id) => (
        <EntityLink key={id} id={id} name={nameOf(id)} />
      ))}
    </span>
  );
}

/**
 * A fact's source sentence: the quote, and a link to the document scrolled to it. Every fact on
 * every page goes through this.
 */
export function Evidence({
  document,
  start,
  end,
  quote,
  meta,
}: {
  document: string;
  start: number;
  end: number;
  quote?: string | null;
  meta?: ComponentChildren;
}) {
  const { t } = useLang();
  return (
    <blockquote class="evidence">
      {quote ? (
        <span class="quote" lang="ar" dir="rtl">
          {quote}
        </span>
      ) : null}
      <span class="evidence-meta">
        {meta}
        <a class="sentence-link" href={href.doc(document, { start, end })}>
          {t('goToSentence')}
        </a>
      </span>
    </blockquote>
  );
}

export function DateText({ value }: { value: DateRange | null | undefined }) {
  const { t } = useLang();
  return value ? (
    <time dateTime={value.start} dir="ltr">
      {formatRange(value)}
    </time>
  ) : (
    <span class="muted">{t('undated')}</span>
  );
}

/** An ISO date as written, isolated left-to-right so that Arabic text around it does not reorder it. */
export function Day({ value }: { value: string | null | undefined }) {
  return value ? (
    <time dateTime={value} dir="ltr">
      {value}
    </time>
  ) : null;
}

export function Field({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function Badge({ kind, children }: { kind: string; children: ComponentChildren }) {
  return <span class={`badge badge-${kind}`}>{children}</span>;
}

export function docLabel(d: { title?: string | null; source: string }): string {
  return d.title || d.source.split('/').pop() || d.source;
}

export { displayName };

/** The sentences a relation rests on, each linked to its place in the reader. */
export function RelationEvidenceList({ relation }: { relation: Pick<AggregatedRelation, 'evidence'> }) {
  return (
    <>
      {relation.evidence.map((e) => (
        <Evidence
          key={`${e.documentId}-${e.start}`}
          document={e.documentId}
          start={e.start}
          end={e.end}
          quote={e.quote}
          meta={
            <span class="muted">
              <Day value={e.published} />
            </span>
          }
        />
      ))}
    </>
  );
}

/** «from» and «to» date inputs kept in the page's query string (graph, timeline). */
export function DateRangeInputs({ route, from, to }: { route: Route; from: string; to: string }) {
  const { t } = useLang();
  const values = { from, to };
  return (
    <>
      {(['from', 'to'] as const).map((name) => (
        <label key={name}>
          <span>{t(name)}</span>
          <input
            type="date"
            name={name}
            value={values[name]}
            onChange={(e) => setQuery(route, { [name]: e.currentTarget.value })}
          />
        </label>
      ))}
    </>
  );
}
