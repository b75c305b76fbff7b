// Every string the page shows comes from the message catalogues in web/locales/<lang>/<ns>.json
// through i18next. One namespace per part of the page (common, network, search, booking, sim), so
// that each part's strings live beside each other. English and Japanese are complete; Russian
// covers the main flows; a missing key falls back to English.
import i18next, { type TFunction } from 'i18next';
import { useEffect, useState } from 'preact/hooks';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'ja', name: '日本語' },
  { code: 'ru', name: 'Русский' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];
export const NAMESPACES = ['common', 'network', 'search', 'booking', 'sim'] as const;

const files = import.meta.glob('../../locales/*/*.json', { eager: true, import: 'default' }) as Record<string, Record<string, unknown>>;

export function catalogues(): Record<string, Record<string, Record<string, unknown>>> {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, data] of Object.entries(files)) {
    const m = /locales\/([a-z-]+)\/([a-z]+)\.json$/.exec(path);
    if (!m) continue;
    (resources[m[1]] ??= {})[m[2]] = data;
  }
  return resources;
}

// The reader's language: ?lang= in the URL, then the last choice, then the browser's list.
export function pickLanguage(urlLang: string | undefined, stored: string | null, browser: readonly string[]): Language {
  const known = LANGUAGES.map((l) => l.code) as string[];
  for (const c of [urlLang, stored, ...browser]) {
    if (!c) continue;
    const base = c.toLowerCase().split('-')[0];
    if (known.includes(base)) return base as Language;
  }
  return 'en';
}

export async function initI18n(lang: Language): Promise<void> {
  await i18next.init({
    lng: lang,
    fallbackLng: 'en',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: catalogues(),
    interpolation: { escapeValue: false }, // Preact escapes text
    returnNull: false,
    showSupportNotice: false, // no advert in the reader's console
  });
  document.documentElement.lang = lang;
}

export async function changeLanguage(lang: Language): Promise<void> {
  await i18next.changeLanguage(lang);
  try {
    localStorage.setItem('landbridge.lang', lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  document.documentElement.lang = lang;
}

export function currentLanguage(): Language {
  return (i18next.language || 'en') as Language;
}

// Re-renders the component when the language changes. `useT('search')` gives that namespace's t,
// with the other namespaces reachable as 'common:key'.
export function useT(ns: (typeof NAMESPACES)[number] = 'common'): TFunction {
  const [, setLang] = useState(i18next.language);
  useEffect(() => {
    const h = (l: string) => setLang(l);
    i18next.on('languageChanged', h);
    return () => i18next.off('languageChanged', h);
  }, []);
  return i18next.getFixedT(null, ns);
}

export { i18next };
