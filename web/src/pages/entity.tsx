import type { ComponentChildren } from 'preact';
import { api } from '../api/client';
import type { ClaimGroup, CorpusEvent, EntityResponse, RelationView } from '../api/types';
import {
  AsyncView,
  Badge,
  DateText,
  Day,
  displayName,
  docLabel,
  EntityLink,
  EntityLinks,
  Evidence,
  Field,
  RelationEvidenceList,
} from '../components/common';
import { useLang } from '../i18n/lang';
import { compareRanges } from '../lib/dates';
import { namer } from '../lib/names';
import { useAsync } from '../lib/use-async';
import { href, type Route } from '../router';

function RelationRow({ rel, self, nameOf }: { rel: RelationView; self: string; nameOf(id: string): string }) {
  const { t, v } = useLang();
  return (
    <li class="card">
      <div>
        {rel.source === self ? (
          <strong lang="ar">{nameOf(rel.source)}</strong>
        ) : (
          <EntityLink id={rel.source} name={nameOf(rel.source)} />
        )}{' '}
        <Badge kind="relation">{v('relation', rel.type)}</Badge>{' '}
        {rel.target === self ? (
          <strong lang="ar">{nameOf(rel.target)}</strong>
        ) : (
          <EntityLink id={rel.target} name={nameOf(rel.target)} />
        )}
        <span class="muted">
          {' '}
          · {t('confidence')} {rel.confidence.toFixed(2)} · {t('sourcesCount')} {rel.sources}
        </span>
      </div>
      <RelationEvidenceList relation={rel} />
    </li>
  );
}

function EventRow({ ev, nameOf }: { ev: CorpusEvent; nameOf(id: string): string }) {
  const { t, v } = useLang();
  return (
    <li class="card">
      <div>
        <Badge kind="event">{v('event', ev.type)}</Badge> <DateText value={ev.date} />
        {ev.location ? (
          <>
            {' '}
            · {t('location')}: <EntityLink id={ev.location} name={nameOf(ev.location)} />
          </>
        ) : null}
      </div>
      <div>
        {t('actors')}: <EntityLinks ids={ev.actors} nameOf={nameOf} />
      </div>
      {ev.evidence.map((e) => (
        <Evidence
          key={`${e.document}-${e.start}`}
          document={e.document}
          start={e.start}
          end={e.end}
          quote={e.sentence}
        />
      ))}
    </li>
  );
}

export function ClaimGroupRows({ groups, nameOf }: { groups: ClaimGroup[]; nameOf(id: string): string }) {
  const { t, v } = useLang();
  if (groups.length === 0) return <p class="muted">{t('none')}</p>;
  return (
    <ul class="plain">
      {groups.flatMap((g) =>
        g.claims.map((c) => (
          <li key={c.key} class="card">
            <div>
              <span lang="ar">{c.speaker ? (c.speakerName ?? nameOf(c.speaker)) : t('unattributed')}</span>{' '}
              <Badge kind={c.stance}>{v('stance', c.stance)}</Badge>
              {g.contested ? <Badge kind="contested">{t('navClaims')}</Badge> : null}
            </div>
            <Evidence
              document={c.documentId}
              start={c.content.start}
              end={c.content.end}
              quote={c.quote}
              meta={
                <span class="muted">
                  <Day value={c.published} />
                </span>
              }
            />
          </li>
        )),
      )}
    </ul>
  );
}

/** Dated events and documents, oldest first. */
function EntityTimeline({ r }: { r: EntityResponse }) {
  const { t, v } = useLang();
  type Item = { key: string; date: string; node: ComponentChildren };
  const items: Item[] = [];
  for (const ev of [...r.events].sort((a, b) => compareRanges(a.date, b.date))) {
    if (!ev.date) continue;
    const first = ev.evidence[0];
    items.push({
      key: ev.id,
      date: ev.date.start,
      node: (
        <>
          <Badge kind="event">{v('event', ev.type)}</Badge> <DateText value={ev.date} />{' '}
          {first ? <a href={href.doc(first.document, first)}>{t('goToSentence')}</a> : null}
        </>
      ),
    });
  }
  for (const d of r.entity.documentList) {
    if (!d.published) continue;
    items.push({
      key: d.id,
      date: d.published,
      node: (
        <>
          <Day value={d.published} /> ·{' '}
          <a href={href.doc(d.id)} lang="ar" dir="auto">
            {docLabel(d)}
          </a>
        </>
      ),
    });
  }
  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (items.length === 0) return <p class="muted">{t('none')}</p>;
  return (
    <ol class="timeline-list">
      {items.map((i) => (
        <li key={i.key}>{i.node}</li>
      ))}
    </ol>
  );
}

function EntityView({ r }: { r: EntityResponse }) {
  const { t, v } = useLang();
  const e = r.entity;
  const nameOf = namer(
    [e],
    e.coOccurring,
    r.relations.flatMap((x) => [x.sourceEntity, x.targetEntity]),
    ...r.events.map((x) => x.entities),
    ...r.claims.by.map((g) => g.entities),
    ...r.claims.about.map((g) => g.entities),
  );
  return (
    <div class="entity-page">
      <header>
        <h1 lang="ar">{displayName(e)}</h1>
        {e.name && e.name !== e.name_ar ? <p class="muted">{e.name}</p> : null}
        <dl class="facts">
          <Field label={t('type')}>{v('entityType', e.type)}</Field>
          <Field label={t('kind')}>{e.kind ? v('kind', e.kind) : t('unknown')}</Field>
          <Field label={t('documents')}>{e.documents}</Field>
          <Field label={t('firstSeen')}>{e.firstSeen ? <Day value={e.firstSeen} /> : t('undated')}</Field>
          <Field label={t('lastSeen')}>{e.lastSeen ? <Day value={e.lastSeen} /> : t('undated')}</Field>
          {e.wikidata ? <Field label={t('wikidata')}>{e.wikidata}</Field> : null}
        </dl>
      </header>
      <div class="columns">
        <section>
          <h2>{t('names')}</h2>
          <ul class="chips">
            {e.names.map((n) => (
              <li key={n.form}>
                <span class="chip" lang="ar">
                  {n.form}
                </span>{' '}
                <bdi class="muted" dir="ltr">
                  ×{n.documents}
                </bdi>
              </li>
            ))}
          </ul>
          <h2>{t('documents')}</h2>
          <ul class="plain">
            {e.documentList.map((d) => (
              <li key={d.id}>
                <a href={href.doc(d.id)} lang="ar" dir="auto">
                  {docLabel(d)}
                </a>{' '}
                <span class="muted">
                  <Day value={d.published} /> · {t('mentions', { n: d.mentions })}
                </span>
              </li>
            ))}
          </ul>
          <h2>{t('coOccurring')}</h2>
          <ul class="chips">
            {e.coOccurring.map((c) => (
              <li key={c.id}>
                <EntityLink id={c.id} name={displayName(c)} />{' '}
                <bdi class="muted" dir="ltr">
                  ×{c.shared}
                </bdi>
              </li>
            ))}
          </ul>
          <h2>{t('timeline')}</h2>
          <EntityTimeline r={r} />
        </section>
        <section>
          <h2>
            {t('relations')} ({r.counts.relations})
          </h2>
          {r.relations.length === 0 ? <p class="muted">{t('none')}</p> : null}
          <ul class="plain">
            {r.relations.map((rel) => (
              <RelationRow key={rel.id} rel={rel} self={e.id} nameOf={nameOf} />
            ))}
          </ul>
          <h2>
            {t('events')} ({r.counts.events})
          </h2>
          {r.events.length === 0 ? <p class="muted">{t('none')}</p> : null}
          <ul class="plain">
            {r.events.map((ev) => (
              <EventRow key={ev.id} ev={ev} nameOf={nameOf} />
            ))}
          </ul>
          <h2>{t('claimsBy')}</h2>
          <ClaimGroupRows
            groups={r.claims.by.map((g) => ({ ...g, claims: g.claims.filter((c) => c.speaker === e.id) }))}
            nameOf={nameOf}
          />
          <h2>{t('claimsAbout')}</h2>
          <ClaimGroupRows
            groups={r.claims.about.map((g) => ({
              ...g,
              claims: g.claims.filter((c) => c.about.includes(e.id)),
            }))}
            nameOf={nameOf}
          />
        </section>
      </div>
    </div>
  );
}

export function EntityPage({ route }: { route: Route }) {
  const id = route.parts[1] ?? '';
  const r = useAsync(() => api.entity(id), [id]);
  return <AsyncView value={r}>{(x) => <EntityView r={x} />}</AsyncView>;
}
