// A departure in the wall-clock time of the place it leaves from. The node's IANA zone gives the
// local name ("GMT+8", "JST"); without one, the offset the service wrote ("...+08:00") does.
import { formatDateTime } from '../../format';

// "+08:00" → "Etc/GMT-8" (IANA's sign is the other way round); null when not a whole hour.
export function zoneOfOffset(localText: string | undefined): string | null {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(localText ?? '');
  if (!m) return /Z$/.test(localText ?? '') ? 'UTC' : null;
  const h = Number(m[2]), min = Number(m[3]);
  if (min !== 0) return null;
  if (h === 0) return 'UTC';
  return `Etc/GMT${m[1] === '+' ? '-' : '+'}${h}`;
}

export function departureLocal(depart: string, departLocal: string | undefined, zone: string | undefined, lang?: string): string {
  const z = zone || zoneOfOffset(departLocal) || undefined;
  return formatDateTime(departLocal || depart, z, lang);
}
