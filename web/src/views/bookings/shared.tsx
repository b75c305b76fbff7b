// Small pieces the bookings, track and operations views share: the network (for place names,
// time zones and leg shapes), instants at a place's local time, a booking's state badge.
import { useEffect, useState } from 'preact/hooks';
import { loadNetwork, type Network } from '../../api/network';
import { formatDateTime } from '../../format';
import { useT } from '../../i18n';
import { statusTone } from './model';

export function useNetwork(): Network | null {
  const [net, setNet] = useState<Network | null>(null);
  useEffect(() => {
    let live = true;
    loadNetwork()
      .then((n) => live && setNet(n))
      .catch(() => undefined); // names and zones are then the codes and UTC
    return () => {
      live = false;
    };
  }, []);
  return net;
}

export function zoneOf(net: Network | null, code: string | undefined): string | undefined {
  return code ? net?.nodes.get(code)?.timezone || undefined : undefined;
}
export function placeName(net: Network | null, code: string, given?: string): string {
  return given || net?.nodes.get(code)?.name || code;
}

// An instant at the local time of place `code` (UTC when the network does not say its zone).
// `zone` when the caller knows it better (a routes answer names its places' zones).
export function At({ instant, code, net, zone: given }: { instant?: string | null; code?: string; net: Network | null; zone?: string }) {
  if (!instant) return null;
  const zone = given || zoneOf(net, code) || 'UTC';
  return (
    <time dateTime={instant} title={instant}>
      {formatDateTime(instant, zone)}
    </time>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const t = useT('booking');
  return (
    <span class={`status status-${statusTone(status)}`} data-testid="booking-status" data-status={status}>
      {t(`status.${status}`, { defaultValue: status })}
    </span>
  );
}
