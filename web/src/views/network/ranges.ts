// Figures the dataset stores as ranges, in the reader's locale: the value the planner uses with
// its range beside it ("2 hr (1–4 hr)"), or the range alone when the service gives no value
// ("1–5 hr"). A range whose ends are equal reads as one figure; a missing end takes the other's.
import { intlLocale } from '../../format';
import type { Range } from './detail';

export function ends(r: Range | null | undefined): [number, number] | null {
  if (!r) return null;
  const lo = typeof r.lo === 'number' && Number.isFinite(r.lo) ? r.lo : null;
  const hi = typeof r.hi === 'number' && Number.isFinite(r.hi) ? r.hi : null;
  if (lo === null && hi === null) return null;
  const a = lo ?? hi!, b = hi ?? lo!;
  return a <= b ? [a, b] : [b, a];
}

interface RangeFormat extends Intl.NumberFormat {
  formatRange?: (a: number, b: number) => string;
}
function formatEnds([lo, hi]: [number, number], nf: RangeFormat): string {
  if (lo === hi || nf.format(lo) === nf.format(hi)) return nf.format(hi);
  return nf.formatRange ? nf.formatRange(lo, hi) : `${nf.format(lo)}–${nf.format(hi)}`;
}
// The value and its range apart (the range null when it is the value); `scale` converts both.
export interface Parts {
  main: string;
  range: string | null;
}
function parts(r: Range, e: [number, number], nf: RangeFormat, scale = 1): Parts {
  const range = formatEnds([e[0] / scale, e[1] / scale], nf);
  const v = typeof r.value === 'number' && Number.isFinite(r.value) ? nf.format(r.value / scale) : null;
  return v === null || v === range ? { main: range, range: null } : { main: v, range };
}
const joined = (p: Parts | null) => (p ? (p.range ? `${p.main} (${p.range})` : p.main) : null);

function rangeParts(r: Range | null | undefined, options: Intl.NumberFormatOptions, lang?: string): Parts | null {
  const e = ends(r);
  return e ? parts(r!, e, new Intl.NumberFormat(intlLocale(lang), options)) : null;
}
export function formatRange(r: Range | null | undefined, options: Intl.NumberFormatOptions, lang?: string): string | null {
  return joined(rangeParts(r, options, lang));
}

const USD: Intl.NumberFormatOptions = { style: 'currency', currency: 'USD', maximumFractionDigits: 0 };
export function usdParts(r: Range | null | undefined, lang?: string): Parts | null {
  return rangeParts(r, USD, lang);
}
export function usdRange(r: Range | null | undefined, lang?: string): string | null {
  return joined(usdParts(r, lang));
}
export function kmRange(r: Range | null | undefined, lang?: string): string | null {
  return formatRange(r, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 0 }, lang);
}

// Durations: hours up to two days, days beyond (a sea leg of 600 h reads "25 days").
export function durationParts(r: Range | null | undefined, lang?: string): Parts | null {
  const e = ends(r);
  if (!e) return null;
  if (e[1] > 48) {
    return parts(r!, e, new Intl.NumberFormat(intlLocale(lang), { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 1 }), 24);
  }
  return parts(r!, e, new Intl.NumberFormat(intlLocale(lang), { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }));
}
export function durationRange(r: Range | null | undefined, lang?: string): string | null {
  return joined(durationParts(r, lang));
}
