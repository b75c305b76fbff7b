import { render } from 'preact';
import { App } from './app';
import { initI18n, pickLanguage } from './i18n';
import { getParams } from './state/url';
import './styles.css';

function stored(): string | null {
  try {
    return localStorage.getItem('landbridge.lang');
  } catch {
    return null;
  }
}

const t0 = performance.now();
initI18n(pickLanguage(getParams().lang, stored(), navigator.languages ?? [navigator.language])).then(() => {
  render(<App />, document.getElementById('app')!);
  // The e2e run reads this to print how long the page took to become usable.
  (window as unknown as { __landbridgeReady?: number }).__landbridgeReady = performance.now() - t0;
  document.body.dataset.ready = '1';
});
