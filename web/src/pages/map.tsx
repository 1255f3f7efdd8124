import { useEffect, useRef } from 'preact/hooks';
import { api } from '../api/client';
import type { MapResponse } from '../api/types';
import { AsyncView, EntityLink } from '../components/common';
import { useLang } from '../i18n/lang';
import { displayName } from '../lib/names';
import { useAsync } from '../lib/use-async';

function MapView({ data }: { data: MapResponse }) {
  const box = useRef<HTMLElement>(null);
  const lang = useLang();
  useEffect(() => {
    let dispose: (() => void) | null = null;
    let cancelled = false;
    import('./map-draw').then(({ drawMap }) => {
      if (cancelled || !box.current) return;
      dispose = drawMap(box.current, data, {
        eventLabel: (type) => lang.v('event', type),
        eventsHere: lang.t('eventsHere'),
        attribution: lang.t('mapAttribution'),
        openEntity: lang.t('openEntity'),
      });
      box.current.dataset.ready = 'true';
    });
    return () => {
      cancelled = true;
      dispose?.();
    };
  }, [data, lang]);
  return <section ref={box} class="map-canvas" dir="ltr" aria-label={lang.t('mapTitle')} />;
}

export function MapPage() {
  const { t } = useLang();
  const data = useAsync(() => api.map(), []);
  return (
    <section>
      <h1>{t('mapTitle')}</h1>
      <AsyncView value={data}>
        {(d) => (
          <>
            {d.places.length === 0 ? <p class="muted">{t('noCoordinates')}</p> : null}
            <MapView data={d} />
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
