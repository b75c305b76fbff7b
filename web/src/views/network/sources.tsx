// The sources behind a node's or a link's figures: title, date and the page they came from.
// Keys without a title (the network map gives only keys) are listed as keys.
import { useT } from '../../i18n';
import { formatDate, intlLocale } from '../../format';
import type { SourceRef } from './detail';

// Sources once each, in first-mention order.
export function uniqueSources(lists: (SourceRef[] | undefined)[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const list of lists)
    for (const s of list ?? []) {
      const had = seen.get(s.key);
      if (!had) seen.set(s.key, s);
      else if (!had.title && s.title) seen.set(s.key, { ...had, ...s });
    }
  return [...seen.values()];
}

// "www.example.org/page" (the dataset stores addresses without a scheme) → a link that opens it.
export function sourceHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (/^https?:\/\//i.test(url)) return url;
  return /^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(url) ? `https://${url}` : undefined;
}

// "2024-03-12" and "2026-02" in the reader's words; a bare year (or anything else) as written.
export function sourceDate(date: string, lang?: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return formatDate(date, 'UTC', lang);
  if (/^\d{4}-\d{2}$/.test(date))
    return new Intl.DateTimeFormat(intlLocale(lang), { timeZone: 'UTC', year: 'numeric', month: 'short' }).format(new Date(`${date}-01T00:00Z`));
  return date;
}

export function SourceList({ sources, testid }: { sources: SourceRef[]; testid: string }) {
  const t = useT('network');
  if (!sources.length) return null;
  return (
    <section class="net-sources">
      <h3>{t('sources.title', { count: sources.length })}</h3>
      <ol data-testid={testid}>
        {sources.map((s) => {
          const href = sourceHref(s.url);
          return (
            <li key={s.key}>
              <span class="src-key">{s.key}</span>{' '}
              {s.title ? (
                href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {s.title}
                  </a>
                ) : (
                  <span>{s.title}</span>
                )
              ) : (
                <span class="muted">{t('sources.keyOnly')}</span>
              )}
              {s.date && <span class="muted"> · {sourceDate(s.date)}</span>}
              {s.note && <div class="muted src-note">{s.note}</div>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
