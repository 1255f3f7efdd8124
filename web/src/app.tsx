import { useLang } from './i18n/lang';
import type { LabelKey } from './i18n/strings';
import { ClaimsPage } from './pages/claims';
import { EntityPage } from './pages/entity';
import { GraphPage } from './pages/graph';
import { IngestPage } from './pages/ingest';
import { MapPage } from './pages/map';
import { ReaderPage } from './pages/reader';
import { SearchPage } from './pages/search';
import { TimelinePage } from './pages/timeline';
import { type Route, useRoute } from './router';

const NAV: { key: LabelKey; path: string }[] = [
  { key: 'navSearch', path: 'search' },
  { key: 'navGraph', path: 'graph' },
  { key: 'navTimeline', path: 'timeline' },
  { key: 'navMap', path: 'map' },
  { key: 'navClaims', path: 'claims' },
  { key: 'navIngest', path: 'ingest' },
];

function Page({ route }: { route: Route }) {
  const { t } = useLang();
  switch (route.parts[0] ?? 'search') {
    case 'search':
      return <SearchPage route={route} />;
    case 'doc':
      return <ReaderPage route={route} />;
    case 'entity':
      return <EntityPage route={route} />;
    case 'graph':
      return <GraphPage route={route} />;
    case 'timeline':
      return <TimelinePage route={route} />;
    case 'map':
      return <MapPage />;
    case 'claims':
      return <ClaimsPage route={route} />;
    case 'ingest':
      return <IngestPage />;
    default:
      return <h1>{t('notFound')}</h1>;
  }
}

export function App() {
  const { t, lang, setLang } = useLang();
  const route = useRoute();
  const current = route.parts[0] ?? 'search';
  return (
    <>
      <header class="topbar">
        <a class="brand" href="#/search">
          <span class="brand-name">{t('appName')}</span>
          <span class="tagline">{t('tagline')}</span>
        </a>
        <nav aria-label={t('nav')}>
          <ul>
            {NAV.map((n) => (
              <li key={n.path}>
                <a href={`#/${n.path}`} aria-current={current === n.path ? 'page' : undefined}>
                  {t(n.key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <button
          type="button"
          class="lang-toggle"
          aria-label={t('language')}
          lang={lang === 'ar' ? 'en' : 'ar'}
          onClick={() => setLang(lang === 'ar' ? 'en' : 'ar')}
        >
          {t('switchLanguage')}
        </button>
      </header>
      <main id="main">
        <Page route={route} />
      </main>
    </>
  );
}
