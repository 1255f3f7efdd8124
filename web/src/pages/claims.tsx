import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { ClaimGroup, ClaimRecord } from '../api/types';
import { AsyncView, Badge, Day, EntityLink, Evidence, Pager } from '../components/common';
import { useLang } from '../i18n/lang';
import { namer } from '../lib/names';
import { useAsync } from '../lib/use-async';
import { type Route, setQuery } from '../router';

const LIMIT = 20;

function ClaimCard({ c }: { c: ClaimRecord }) {
  const { t, v } = useLang();
  return (
    <li class={`card claim claim-${c.stance}`}>
      <div class="claim-head">
        {c.speaker ? (
          <EntityLink id={c.speaker} name={c.speakerName} />
        ) : (
          <span class="muted">{t('unattributed')}</span>
        )}{' '}
        <Badge kind={c.stance}>{v('stance', c.stance)}</Badge>{' '}
        <span lang="ar" class="muted">
          «{c.cue}»
        </span>
      </div>
      <Evidence
        document={c.documentId}
        start={c.content.start}
        end={c.content.end}
        quote={c.quote}
        meta={
          <span class="muted">
            {t('source')}: <span dir="ltr">{c.outlet}</span>{' '}
            {c.published ? (
              <>
                · <Day value={c.published} />
              </>
            ) : null}
          </span>
        }
      />
    </li>
  );
}

function Group({ g }: { g: ClaimGroup }) {
  const { t } = useLang();
  const nameOf = namer(g.entities);
  const assertions = g.claims.filter((c) => c.stance !== 'deny');
  const denials = g.claims.filter((c) => c.stance === 'deny');
  return (
    <article class="claim-group" aria-label={g.id}>
      <header>
        <span class="entity-list">
          {g.about.slice(0, 6).map((id) => (
            <EntityLink key={id} id={id} name={nameOf(id)} />
          ))}
        </span>
        <span class="muted">
          {' '}
          · {t('groupSummary', { docs: g.documents, sources: g.independentSources })}
          {g.firstSeen ? (
            <>
              {' '}
              · <Day value={g.firstSeen} />
            </>
          ) : null}
          {g.lastSeen && g.lastSeen !== g.firstSeen ? (
            <>
              {' '}
              – <Day value={g.lastSeen} />
            </>
          ) : null}
        </span>
      </header>
      <div class="two-columns">
        <section class="assertions">
          <h3>
            {t('assertions')} ({assertions.length})
          </h3>
          <ul class="plain">
            {assertions.map((c) => (
              <ClaimCard key={c.key} c={c} />
            ))}
          </ul>
        </section>
        <section class="denials">
          <h3>
            {t('denials')} ({denials.length})
          </h3>
          <ul class="plain">
            {denials.map((c) => (
              <ClaimCard key={c.key} c={c} />
            ))}
          </ul>
        </section>
      </div>
    </article>
  );
}

export function ClaimsPage({ route }: { route: Route }) {
  const { t } = useLang();
  const contested = route.query.get('contested') !== 'false';
  const speaker = route.query.get('speaker') ?? '';
  const q = route.query.get('q') ?? '';
  const offset = Number(route.query.get('offset') ?? 0) || 0;
  const [draft, setDraft] = useState({ speaker, q });
  const groups = useAsync(
    () => api.claims({ contested, speaker: speaker || undefined, q: q || undefined, limit: LIMIT, offset }),
    [contested, speaker, q, offset],
  );
  return (
    <section>
      <h1>{t('claimsTitle')}</h1>
      <form
        class="filters"
        aria-label={t('filters')}
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(route, { ...draft, offset: undefined });
        }}
      >
        <label class="check">
          <input
            type="checkbox"
            name="contested"
            checked={contested}
            onChange={(e) =>
              setQuery(route, { contested: e.currentTarget.checked ? undefined : 'false', offset: undefined })
            }
          />
          {t('contestedOnly')}
        </label>
        <label>
          <span>{t('speakerFilter')}</span>
          <input
            name="speaker"
            value={draft.speaker}
            onInput={(e) => setDraft({ ...draft, speaker: e.currentTarget.value })}
          />
        </label>
        <label>
          <span>{t('textFilter')}</span>
          <input name="q" value={draft.q} onInput={(e) => setDraft({ ...draft, q: e.currentTarget.value })} />
        </label>
        <button type="submit">{t('apply')}</button>
      </form>
      <AsyncView value={groups}>
        {(page) =>
          page.total === 0 ? (
            <p class="muted">{t('noClaims')}</p>
          ) : (
            <>
              {page.items.map((g) => (
                <Group key={g.id} g={g} />
              ))}
              <Pager
                total={page.total}
                offset={page.offset}
                limit={page.limit}
                onChange={(o) => setQuery(route, { offset: String(o) })}
              />
            </>
          )
        }
      </AsyncView>
    </section>
  );
}
