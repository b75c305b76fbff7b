// Avoid chips: chokepoints, modes and countries the route must not use, and any place typed in
// (the items route::add_avoid accepts). Pressed chips are the avoided items.
import { useEffect, useState } from 'preact/hooks';
import { loadNetwork } from '../../api/network';
import { currentLanguage, useT } from '../../i18n';
import { intlLocale } from '../../format';

export const PASSAGES = ['suez', 'bab_el_mandeb', 'hormuz', 'malacca', 'bosporus', 'gibraltar', 'cape'] as const;
export const MODES = ['sea', 'feeder', 'deep_sea', 'ferry', 'rail', 'road'] as const;

export function toggle(list: readonly string[], item: string): string[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

function countryName(code: string): string {
  try {
    return new Intl.DisplayNames([intlLocale(currentLanguage())], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function AvoidChips({ value, onChange, error }: { value: string[]; onChange: (v: string[]) => void; error?: string }) {
  const t = useT('search');
  const [countries, setCountries] = useState<string[]>([]);
  const [other, setOther] = useState('');
  // open at first when something is avoided; then as the reader leaves it; always on an error
  const [open, setOpen] = useState(value.length > 0);
  useEffect(() => {
    if (error) setOpen(true);
  }, [error]);
  useEffect(() => {
    loadNetwork()
      .then((n) => setCountries([...new Set([...n.nodes.values()].map((x) => x.country))].sort()))
      .catch(() => undefined);
  }, []);
  const known = new Set<string>([...PASSAGES, ...MODES, ...countries]);
  const extra = value.filter((v) => !known.has(v));
  const chip = (item: string, label: string, title?: string) => (
    <button
      type="button"
      class="chip"
      aria-pressed={value.includes(item)}
      title={title}
      data-testid={`avoid-${item}`}
      onClick={() => onChange(toggle(value, item))}
    >
      {label}
    </button>
  );
  const label = (v: string) =>
    (PASSAGES as readonly string[]).includes(v) ? t(`passage.${v}`) : (MODES as readonly string[]).includes(v) ? t(`mode.${v}`) : v;
  const addOther = () => {
    const v = other.trim();
    if (v && !value.includes(v)) onChange([...value, v]);
    setOther('');
  };
  return (
    <details class={`avoid${error ? ' has-error' : ''}`} open={open} data-testid="avoid"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        {t('avoid.title')}
        {value.length > 0 && <span class="muted"> · {value.map((v) => label(v)).join(', ')}</span>}
      </summary>
      <div class="avoid-group">
        <span class="avoid-label" id="avoid-passages">{t('avoid.passages')}</span>
        <div class="chips" role="group" aria-labelledby="avoid-passages">
          {PASSAGES.map((p) => chip(p, t(`passage.${p}`)))}
        </div>
      </div>
      <div class="avoid-group">
        <span class="avoid-label" id="avoid-modes">{t('avoid.modes')}</span>
        <div class="chips" role="group" aria-labelledby="avoid-modes">
          {MODES.map((m) => chip(m, t(`mode.${m}`)))}
        </div>
      </div>
      <div class="avoid-group">
        <span class="avoid-label" id="avoid-countries">{t('avoid.countries')}</span>
        <div class="chips" role="group" aria-labelledby="avoid-countries">
          {countries.map((c) => chip(c, c, countryName(c)))}
        </div>
      </div>
      <div class="avoid-group">
        <label class="avoid-label" for="avoid-other">{t('avoid.place')}</label>
        <div class="chips">
          {extra.map((x) => chip(x, `${x} ×`))}
          <input
            id="avoid-other"
            class="avoid-other"
            value={other}
            placeholder={t('avoid.placePlaceholder')}
            onInput={(e) => setOther((e.target as HTMLInputElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addOther();
              }
            }}
          />
          <button type="button" class="secondary small" onClick={addOther} disabled={!other.trim()}>
            {t('avoid.add')}
          </button>
        </div>
      </div>
      {error && (
        <small id="avoid-error" class="error" role="alert" data-testid="error-avoid">
          {error}
        </small>
      )}
    </details>
  );
}
