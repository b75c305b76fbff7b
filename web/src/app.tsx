// The page: a header (views, language, sign-in), the view's panel and the one map beside it.
// Which view is open, and everything a view needs to show its result again, is in the URL.
import { useEffect } from 'preact/hooks';
import { SignIn } from './components/signin';
import { LANGUAGES, changeLanguage, currentLanguage, useT, type Language } from './i18n';
import { MapView, mapApi } from './map/mapview';
import { setParams, useParams, viewOf, VIEWS, type View } from './state/url';
import { NetworkView } from './views/network';
import { SearchView } from './views/search';
import { BookingsView } from './views/bookings';
import { TrackView } from './views/track';
import { OperatorView } from './views/operator';
import { SimulateView } from './views/simulate';

const PANELS: Record<View, () => preact.JSX.Element> = {
  network: NetworkView,
  search: SearchView,
  bookings: BookingsView,
  track: TrackView,
  operator: OperatorView,
  simulate: SimulateView,
};
// Views whose content needs the width more than the map does.
const WIDE: View[] = ['simulate'];

export function App() {
  const t = useT();
  const params = useParams();
  const view = viewOf(params);
  const Panel = PANELS[view];
  const wide = WIDE.includes(view);
  useEffect(() => {
    mapApi()?.invalidateSize();
  }, [wide]);
  const pickLanguage = async (lang: Language) => {
    await changeLanguage(lang);
    setParams({ lang });
  };
  return (
    <div class={`app${wide ? ' wide' : ''}`}>
      <header>
        <h1>
          <a href="/" aria-label="landbridge">landbridge</a>
        </h1>
        <nav aria-label={t('nav.label')}>
          {VIEWS.map((v) => (
            <a
              href={`?view=${v}`}
              class={v === view ? 'active' : ''}
              aria-current={v === view ? 'page' : undefined}
              data-testid={`nav-${v}`}
              onClick={(e) => {
                e.preventDefault();
                if (v !== view) setParams(Object.fromEntries([...Object.keys(params).map((k) => [k, k === 'lang' ? params[k] : undefined]), ['view', v]]), true);
              }}
            >
              {t(`nav.${v}`)}
            </a>
          ))}
        </nav>
        <div class="tools">
          <label class="lang">
            <span class="sr-only">{t('language')}</span>
            <select value={currentLanguage()} onChange={(e) => pickLanguage((e.target as HTMLSelectElement).value as Language)} data-testid="language">
              {LANGUAGES.map((l) => (
                <option value={l.code}>{l.name}</option>
              ))}
            </select>
          </label>
          <SignIn />
        </div>
      </header>
      <main>
        <section class="panel" aria-label={t(`nav.${view}`)} data-testid={`view-${view}`}>
          <Panel />
        </section>
        <div class="map-wrap">
          <MapView />
        </div>
      </main>
    </div>
  );
}
