import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Claim, DateMention, DocumentResponse, Entity, Event, Relation, Span } from '../api/types';
import {
  AsyncView,
  Badge,
  DateText,
  Day,
  displayName,
  docLabel,
  EntityLink,
  Evidence,
  Field,
} from '../components/common';
import { useLang } from '../i18n/lang';
import { useAsync } from '../lib/use-async';
import {
  type Mark,
  type MarkKind,
  openedBy,
  primaryMark,
  type Run,
  runs,
  sentenceOf,
} from '../reader/segments';
import { href, parseSpan, type Route } from '../router';

/** What a click in the text opened: every date, claim and event under it (one passage is often both). */
type Selection = { kind: 'date' | 'event' | 'claim'; ref: string }[];
const TOGGLABLE: MarkKind[] = ['entity', 'date', 'event', 'claim'];

function marksOf(r: DocumentResponse, target: Span | null): Mark[] {
  const d = r.document;
  const marks: Mark[] = [];
  for (const e of d.entities)
    for (const m of e.mentions)
      marks.push({ kind: 'entity', start: m.start, end: m.end, ref: e.id, variant: e.type });
  r.dates.forEach((x, i) => {
    marks.push({ kind: 'date', start: x.start, end: x.end, ref: String(i) });
  });
  for (const ev of d.events)
    for (const s of ev.evidence)
      marks.push({ kind: 'event', start: s.start, end: s.end, ref: ev.id, variant: ev.type });
  for (const c of d.claims)
    marks.push({ kind: 'claim', start: c.content.start, end: c.content.end, ref: c.id, variant: c.stance });
  // The linked passage, and lightly the whole sentence around it (a relation's evidence is a phrase).
  if (target) {
    const sentence = sentenceOf(r.sentences, target);
    marks.push({
      kind: 'target',
      start: sentence.start,
      end: sentence.end,
      ref: 'target',
      variant: 'sentence',
    });
    marks.push({ kind: 'target', start: target.start, end: target.end, ref: 'target', variant: 'span' });
  }
  return marks;
}

function runClass(run: Run): string {
  const cls = ['run'];
  for (const m of run.marks) {
    cls.push(`m-${m.kind}`);
    if (m.variant) cls.push(`m-${m.kind}-${m.variant}`);
  }
  return cls.join(' ');
}

function ArticleText({
  text,
  marks,
  onSelect,
  entityName,
}: {
  text: string;
  marks: Mark[];
  onSelect(s: Selection): void;
  entityName(id: string): string;
}) {
  const pieces = useMemo(() => runs(text, marks), [text, marks]);
  return (
    <div class="article-text" lang="ar" dir="rtl">
      {pieces.map((run) => {
        // Each run's characters are a text child: Preact makes a text node, never parses HTML.
        if (run.marks.length === 0) return run.text;
        const main = primaryMark(run);
        const cls = runClass(run);
        if (!main) return <span class={cls}>{run.text}</span>;
        if (main.kind === 'entity') {
          return (
            <a
              class={cls}
              href={href.entity(main.ref)}
              data-kind="entity"
              data-ref={main.ref}
              title={entityName(main.ref)}
            >
              {run.text}
            </a>
          );
        }
        const select = () => onSelect(openedBy(run));
        return (
          // biome-ignore lint/a11y/useSemanticElements: a <button> would break the run of text it sits in
          <span
            class={cls}
            role="button"
            tabIndex={0}
            data-kind={main.kind}
            data-ref={main.ref}
            onClick={select}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                select();
              }
            }}
          >
            {run.text}
          </span>
        );
      })}
    </div>
  );
}

function Quote({ text, span }: { text: string; span: Span }) {
  return (
    <span class="quote" lang="ar" dir="rtl">
      {text.slice(span.start, span.end)}
    </span>
  );
}

function EventDetail({ ev, r, nameOf }: { ev: Event; r: DocumentResponse; nameOf(id: string): string }) {
  const { t, v } = useLang();
  const d = r.document;
  return (
    <dl class="detail" aria-label={t('detail')}>
      <Field label={t('eventType')}>
        <Badge kind="event">{v('event', ev.type)}</Badge>
      </Field>
      <Field label={t('date')}>
        <DateText value={ev.date} />
      </Field>
      <Field label={t('location')}>
        {ev.location ? <EntityLink id={ev.location} name={nameOf(ev.location)} /> : t('unknown')}
      </Field>
      <Field label={t('actors')}>
        <span class="entity-list">
          {ev.actors.map((a) => (
            <EntityLink key={a} id={a} name={nameOf(a)} />
          ))}
        </span>
      </Field>
      {ev.fatalities && (ev.fatalities.min !== null || ev.fatalities.max !== null) ? (
        <Field label={t('fatalities')}>
          <bdi dir="ltr">
            {ev.fatalities.min === ev.fatalities.max
              ? ev.fatalities.min
              : ev.fatalities.max === null
                ? `≥ ${ev.fatalities.min}`
                : `${ev.fatalities.min ?? 0}–${ev.fatalities.max}`}
          </bdi>
        </Field>
      ) : null}
      <Field label={t('evidence')}>
        {ev.evidence.map((s) => {
          const sentence = sentenceOf(r.sentences, s);
          return (
            <Evidence
              key={`${s.start}`}
              document={d.id}
              start={sentence.start}
              end={sentence.end}
              quote={d.text.slice(sentence.start, sentence.end)}
            />
          );
        })}
      </Field>
    </dl>
  );
}

function ClaimDetail({
  claim,
  r,
  nameOf,
}: {
  claim: Claim;
  r: DocumentResponse;
  nameOf(id: string): string;
}) {
  const { t, v } = useLang();
  const d = r.document;
  const sentence = sentenceOf(r.sentences, claim.content);
  return (
    <dl class="detail" aria-label={t('detail')}>
      <Field label={t('speaker')}>
        {claim.speaker ? <EntityLink id={claim.speaker} name={nameOf(claim.speaker)} /> : t('unattributed')}
      </Field>
      <Field label={t('stance')}>
        <Badge kind={claim.stance}>{v('stance', claim.stance)}</Badge>
      </Field>
      <Field label={t('cue')}>
        <span lang="ar">{claim.cue}</span>
      </Field>
      <Field label={t('content')}>
        <Quote text={d.text} span={claim.content} />
      </Field>
      <Field label={t('about')}>
        <span class="entity-list">
          {claim.about.map((a) => (
            <EntityLink key={a} id={a} name={nameOf(a)} />
          ))}
        </span>
      </Field>
      <Field label={t('sentence')}>
        <Evidence
          document={d.id}
          start={sentence.start}
          end={sentence.end}
          quote={d.text.slice(sentence.start, sentence.end)}
        />
      </Field>
    </dl>
  );
}

function DateDetail({ x, r }: { x: DateMention; r: DocumentResponse }) {
  const { t, v } = useLang();
  const sentence = sentenceOf(r.sentences, x);
  return (
    <dl class="detail" aria-label={t('detail')}>
      <Field label={t('date')}>
        <span lang="ar">{x.text}</span>
      </Field>
      <Field label={t('dateValue')}>
        <DateText value={x.value} />
      </Field>
      {x.value ? <Field label={t('precision')}>{v('precision', x.value.precision)}</Field> : null}
      <Field label={t('sentence')}>
        <Evidence document={r.document.id} start={sentence.start} end={sentence.end} />
      </Field>
    </dl>
  );
}

function SidePanel({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="panel">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function RelationItem({
  rel,
  r,
  nameOf,
}: {
  rel: Relation;
  r: DocumentResponse;
  nameOf(id: string): string;
}) {
  const { v } = useLang();
  const first = rel.evidence[0];
  return (
    <li>
      <EntityLink id={rel.source} name={nameOf(rel.source)} />{' '}
      <Badge kind="relation">{v('relation', rel.type)}</Badge>{' '}
      <EntityLink id={rel.target} name={nameOf(rel.target)} />
      {first ? (
        <Evidence
          document={r.document.id}
          start={first.start}
          end={first.end}
          quote={r.document.text.slice(first.start, first.end)}
        />
      ) : null}
    </li>
  );
}

function Reader({ r, target }: { r: DocumentResponse; target: Span | null }) {
  const { t, v } = useLang();
  const d = r.document;
  const [selected, setSelected] = useState<Selection>([]);
  const [shown, setShown] = useState<Record<string, boolean>>({
    entity: true,
    date: true,
    event: true,
    claim: true,
  });
  const byId = useMemo(() => new Map<string, Entity>(d.entities.map((e) => [e.id, e])), [d]);
  const nameOf = (id: string) => {
    const e = byId.get(id);
    return e ? displayName(e) : id;
  };
  const allMarks = useMemo(() => marksOf(r, target), [r, target]);
  const marks = useMemo(
    () => allMarks.filter((m) => m.kind === 'target' || shown[m.kind]),
    [allMarks, shown],
  );
  const articleRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!target) return;
    const el = articleRef.current?.querySelector('.m-target-span');
    el?.scrollIntoView({ block: 'center' });
  }, [target]);

  const details: ComponentChildren[] = [];
  for (const s of selected) {
    if (s.kind === 'event') {
      const ev = d.events.find((e) => e.id === s.ref);
      if (ev) details.push(<EventDetail key={s.ref} ev={ev} r={r} nameOf={nameOf} />);
    } else if (s.kind === 'claim') {
      const c = d.claims.find((x) => x.id === s.ref);
      if (c) details.push(<ClaimDetail key={s.ref} claim={c} r={r} nameOf={nameOf} />);
    } else {
      const x = r.dates[Number(s.ref)];
      if (x) details.push(<DateDetail key={`date-${s.ref}`} x={x} r={r} />);
    }
  }
  const detail: ComponentChildren = details.length > 0 ? details : <p class="muted">{t('pickSomething')}</p>;
  const entities = [...d.entities].sort((a, b) => b.mentions.length - a.mentions.length);

  return (
    <div class="reader">
      <article class="article" ref={articleRef} aria-label={t('readerTitle')}>
        <header>
          <h1 lang="ar" dir="auto">
            {docLabel(d)}
          </h1>
          <p class="muted meta">
            {t('published')}: {d.published ? <Day value={d.published} /> : t('undated')} · {t('source')}:{' '}
            <span dir="ltr">{d.source}</span>
          </p>
          <fieldset class="legend">
            <legend>{t('legend')}</legend>
            {TOGGLABLE.map((k) => (
              <label key={k} class={`legend-item legend-${k}`}>
                <input
                  type="checkbox"
                  checked={shown[k]}
                  onChange={(e) => setShown({ ...shown, [k]: e.currentTarget.checked })}
                />
                <span class={`swatch m-${k}`}>
                  {t(
                    k === 'entity'
                      ? 'entities'
                      : k === 'date'
                        ? 'dates'
                        : k === 'event'
                          ? 'events'
                          : 'claims',
                  )}
                </span>
              </label>
            ))}
          </fieldset>
          {target ? (
            <p class="target-note">
              <span class="swatch m-target m-target-span">{t('highlighted')}</span> ·{' '}
              <a href={href.doc(d.id)}>{t('clearHighlight')}</a>
            </p>
          ) : null}
        </header>
        <ArticleText text={d.text} marks={marks} onSelect={setSelected} entityName={nameOf} />
      </article>
      <aside class="sidebar">
        <SidePanel title={t('detail')}>
          <div class="detail-box" aria-live="polite">
            {detail}
          </div>
        </SidePanel>
        <SidePanel title={`${t('entities')} (${entities.length})`}>
          <ul class="chips">
            {entities.map((e) => (
              <li key={e.id}>
                <a class={`chip chip-${e.type}`} href={href.entity(e.id)} lang="ar">
                  {displayName(e)}
                </a>
                <span class="muted"> {t('mentions', { n: e.mentions.length })}</span>
              </li>
            ))}
          </ul>
        </SidePanel>
        <SidePanel title={`${t('events')} (${d.events.length})`}>
          <ul class="plain">
            {d.events.map((ev) => (
              <li key={ev.id}>
                <button
                  type="button"
                  class="linkish"
                  onClick={() => setSelected([{ kind: 'event', ref: ev.id }])}
                >
                  {v('event', ev.type)}
                </button>{' '}
                <DateText value={ev.date} />
              </li>
            ))}
          </ul>
        </SidePanel>
        <SidePanel title={`${t('claims')} (${d.claims.length})`}>
          <ul class="plain">
            {d.claims.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  class="linkish"
                  onClick={() => setSelected([{ kind: 'claim', ref: c.id }])}
                >
                  <span lang="ar">{c.speaker ? nameOf(c.speaker) : t('unattributed')}</span> ·{' '}
                  {v('stance', c.stance)}
                </button>
              </li>
            ))}
          </ul>
        </SidePanel>
        <SidePanel title={`${t('relations')} (${d.relations.length})`}>
          <ul class="plain">
            {d.relations.map((rel, i) => (
              <RelationItem
                key={`${rel.type}-${rel.source}-${rel.target}-${i}`}
                rel={rel}
                r={r}
                nameOf={nameOf}
              />
            ))}
          </ul>
        </SidePanel>
      </aside>
    </div>
  );
}

export function ReaderPage({ route }: { route: Route }) {
  const id = route.parts[1] ?? '';
  const s = route.query.get('s');
  const target = useMemo(() => parseSpan(s), [s]);
  const doc = useAsync(() => api.document(id), [id]);
  return <AsyncView value={doc}>{(r) => <Reader r={r} target={target} />}</AsyncView>;
}
