// Numbers, money, durations and instants in the reader's locale (the page's language), instants
// in the time zone of the place they happen at (the API gives it: depart_zone, arrive_zone...).
import { currentLanguage } from './i18n';

const LOCALES: Record<string, string> = { en: 'en-GB', ja: 'ja-JP', ru: 'ru-RU' };
export function intlLocale(lang: string = currentLanguage()): string {
  return LOCALES[lang] ?? lang;
}

export function formatNumber(x: number, digits = 0, lang?: string): string {
  return new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x);
}

export function formatMoney(usd: number, lang?: string, digits = 0): string {
  return new Intl.NumberFormat(intlLocale(lang), {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(usd);
}

// "12,298 km"; mass in kg below a tonne, else t.
export function formatKm(km: number, lang?: string): string {
  return new Intl.NumberFormat(intlLocale(lang), { style: 'unit', unit: 'kilometer', maximumFractionDigits: 0 }).format(km);
}
export function formatCo2(kg: number, lang?: string): string {
  if (Math.abs(kg) < 1000)
    return new Intl.NumberFormat(intlLocale(lang), { style: 'unit', unit: 'kilogram', maximumFractionDigits: 0 }).format(kg);
  return `${formatNumber(kg / 1000, 2, lang)} t`;
}
export function formatDays(days: number, lang?: string): string {
  return new Intl.NumberFormat(intlLocale(lang), { style: 'unit', unit: 'day', unitDisplay: 'short', maximumFractionDigits: 1 }).format(days);
}
export function formatHours(h: number, lang?: string): string {
  return new Intl.NumberFormat(intlLocale(lang), { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }).format(h);
}

// An instant as the API writes it ("2026-12-09T22:58Z", "2026-12-10T07:58+09:00") shown at the
// wall clock of `zone` (IANA; undefined: the reader's own), with the zone's short name.
export function parseInstant(text: string): Date {
  // "YYYY-MM-DDTHH:MMZ" has no seconds; Date.parse accepts it in every engine we target.
  return new Date(text);
}
export function formatDateTime(text: string, zone?: string, lang?: string): string {
  const d = parseInstant(text);
  if (Number.isNaN(d.getTime())) return text;
  try {
    return new Intl.DateTimeFormat(intlLocale(lang), {
      timeZone: zone || undefined,
      year: 'numeric', month: 'short', day: 'numeric', weekday: 'short',
      hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
    }).format(d);
  } catch {
    // an unknown zone name: show UTC rather than fail
    return new Intl.DateTimeFormat(intlLocale(lang), { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' }).format(d) + ' UTC';
  }
}
export function formatDate(text: string, zone?: string, lang?: string): string {
  const d = parseInstant(text);
  if (Number.isNaN(d.getTime())) return text;
  return new Intl.DateTimeFormat(intlLocale(lang), { timeZone: zone || undefined, dateStyle: 'medium' }).format(d);
}
