import { useEffect, useRef } from 'preact/hooks';
import { all, api } from '../api/client';
import type { CorpusEvent, MapResponse } from '../api/types';
import { AsyncView, EntityLink } from '../components/common';
import { useLang } from '../i18n/lang';
import { displayName } from '../lib/names';
import { useAsync } from '../lib/use-async';

function MapView({ data, events }: { data: MapResponse; events: Map<string, CorpusEvent> }) {
  const box = useRef<HTMLElement>(null);
  const lang = useLang();
  useEffect(() => {
    let dispose: (() => void) | null = null;
    let cancelled = false;
    import('./map-draw').then(({ drawMap }) => {
      if (cancelled || !box.current) return;
      dispose = drawMap(box.current, data, events, {
        eventLabel: (type) => lang.v('event', type),
        eventsHere: lang.t('eventsHere'),
        attribution: lang.t('mapAttribution'),
        openEntity: lang.t('openEntity'),
        goToSentence: lang.t('goToSentence'),
        timeline: lang.t('navTimeline'),
      });
      box.current.dataset.ready = 'true';
    });
    return () => {
      cancelled = true;
      dispose?.();
    };
  }, [data, events, lang]);
  return <section ref={box} class="map-canvas" dir="ltr" aria-label={lang.t('mapTitle')} />;
}

export function MapPage() {
  const { t } = useLang();
  // The map's events carry no evidence: the event list gives each popup its sentences.
  const data = useAsync(async () => {
    const [map, events] = await Promise.all([api.map(), all((p) => api.events(p))]);
    return { map, events: new Map(events.items.map((e) => [e.id, e])) };
  }, []);
  return (
    <section>
      <h1>{t('mapTitle')}</h1>
      <AsyncView value={data}>
        {({ map: d, events }) => (
          <>
            {d.places.length === 0 ? <p class="muted">{t('noCoordinates')}</p> : null}
            <MapView data={d} events={events} />
            <h2>{t('places')}</h2>
            <ul class="chips">
              {[...d.places]
                .sort((a, b) => b.events - a.events || b.documents - a.documents)
                .map((p) => (
                  <li key={p.id}>
                    <EntityLink id={p.id} name={displayName(p)} />{' '}
                    <span class="muted">
                      {t('events')} {p.events} · {t('documents')} {p.documents}
                    </span>
                  </li>
                ))}
            </ul>
          </>
        )}
      </AsyncView>
    </section>
  );
}
