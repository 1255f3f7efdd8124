import { useCallback, useEffect, useRef } from 'preact/hooks';
import { all, api } from '../api/client';
import type { CorpusEvent, TimelineItem } from '../api/types';
import {
  AsyncView,
  Badge,
  DateRangeInputs,
  DateText,
  Day,
  EntityLink,
  EntityLinks,
  Evidence,
} from '../components/common';
import { useLang } from '../i18n/lang';
import { EVENT_TYPES } from '../i18n/strings';
import { midpoint } from '../lib/dates';
import { namer } from '../lib/names';
import { useAsync } from '../lib/use-async';
import { type Route, setQuery } from '../router';
import type { TimelinePoint } from './timeline-chart';

interface TimelineData {
  items: TimelineItem[];
  evidence: Map<string, CorpusEvent>;
}

/** Events on a time axis: time runs right to left in Arabic, left to right in English. */
function Chart({ items, onPick }: { items: TimelineItem[]; onPick(id: string): void }) {
  const box = useRef<HTMLDivElement>(null);
  const { lang, t, v } = useLang();
  useEffect(() => {
    let chart: { dispose(): void } | null = null;
    let cancelled = false;
    const onResize = () => (chart as { resize?: () => void } | null)?.resize?.();
    Promise.all([import('./timeline-chart'), document.fonts.ready]).then(([{ drawTimeline }]) => {
      if (cancelled || !box.current) return;
      const types = [...new Set(items.map((i) => i.type))];
      const points: TimelinePoint[] = [];
      for (const i of items) {
        const time = midpoint(i.date);
        if (time !== null) points.push({ id: i.id, time, category: types.indexOf(i.type), label: i.label });
      }
      chart = drawTimeline(box.current, {
        rtl: lang === 'ar',
        categories: types.map((x) => v('event', x)),
        points,
        onPick,
      });
      window.addEventListener('resize', onResize);
      box.current.dataset.ready = 'true';
    });
    return () => {
      cancelled = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [items, lang, v, onPick]);
  return <div ref={box} class="timeline-chart" role="img" aria-label={t('timelineTitle')} />;
}

function monthOf(i: TimelineItem): string {
  return i.date ? i.date.start.slice(0, 7) : '';
}

export function TimelinePage({ route }: { route: Route }) {
  const { t, v } = useLang();
  const type = route.query.get('type') ?? '';
  const from = route.query.get('from') ?? '';
  const to = route.query.get('to') ?? '';
  const picked = route.query.get('event') ?? '';
  const data = useAsync(async (): Promise<TimelineData> => {
    const q = { type: type || undefined, from: from || undefined, to: to || undefined };
    const [items, events] = await Promise.all([
      all((p) => api.timeline({ ...q, ...p })),
      all((p) => api.events({ ...q, ...p })),
    ]);
    return { items: items.items, evidence: new Map(events.items.map((e) => [e.id, e])) };
  }, [type, from, to]);
  useEffect(() => {
    if (picked && data.state === 'ready')
      document.getElementById(`event-${picked}`)?.scrollIntoView({ block: 'center' });
  }, [picked, data.state]);
  const routeRef = useRef(route);
  routeRef.current = route;
  // Stable, so that picking an event does not redraw the chart.
  const onPick = useCallback((id: string) => setQuery(routeRef.current, { event: id }), []);
  return (
    <section>
      <h1>{t('timelineTitle')}</h1>
      <form class="filters" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>{t('eventType')}</span>
          <select name="type" value={type} onChange={(e) => setQuery(route, { type: e.currentTarget.value })}>
            <option value="">{t('allTypes')}</option>
            {EVENT_TYPES.map((x) => (
              <option key={x} value={x}>
                {v('event', x)}
              </option>
            ))}
          </select>
        </label>
        <DateRangeInputs route={route} from={from} to={to} />
      </form>
      <AsyncView value={data}>
        {(d) => {
          const nameOf = namer(...d.items.map((i) => i.entities));
          const months: { month: string; items: TimelineItem[] }[] = [];
          for (const i of d.items) {
            const m = monthOf(i);
            const last = months[months.length - 1];
            if (last && last.month === m) last.items.push(i);
            else months.push({ month: m, items: [i] });
          }
          return (
            <>
              <p class="muted">{t('eventsCount', { n: d.items.length })}</p>
              <Chart items={d.items} onPick={onPick} />
              <ol class="timeline-list">
                {months.map((m) => (
                  <li key={m.month || 'undated'}>
                    <h2 class="month">{m.month ? <Day value={m.month} /> : t('undated')}</h2>
                    <ul class="plain">
                      {m.items.map((i) => {
                        const ev = d.evidence.get(i.id);
                        return (
                          <li
                            key={i.id}
                            id={`event-${i.id}`}
                            class={`card ${i.id === picked ? 'picked' : ''}`}
                          >
                            <div>
                              <Badge kind="event">{v('event', i.type)}</Badge> <DateText value={i.date} />
                              {ev && ev.evidence.length > 0 ? null : <span lang="ar"> {i.label}</span>}
                            </div>
                            <div>
                              {i.location ? (
                                <>
                                  {t('location')}: <EntityLink id={i.location} name={nameOf(i.location)} /> ·{' '}
                                </>
                              ) : null}
                              {t('actors')}: <EntityLinks ids={i.actors} nameOf={nameOf} />
                            </div>
                            {ev?.evidence.map((e) => (
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
                      })}
                    </ul>
                  </li>
                ))}
              </ol>
            </>
          );
        }}
      </AsyncView>
    </section>
  );
}
