// Booking a chosen itinerary (?ref=<routingReference>): what is being booked, then equipment,
// count and the shipper's own container numbers; POST /v2/bookings. A confirmed booking opens
// its detail (?bk=); a sold-out answer or a refused field is shown where it belongs.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, request } from '../../api/client';
import { Field, fieldId } from '../../components/field';
import { ProblemBox, errorText, fieldError } from '../../components/problem';
import { formatCo2, formatDays, formatMoney } from '../../format';
import { useT } from '../../i18n';
import { whenMap } from '../../map/mapview';
import { setParams } from '../../state/url';
import type { Caller } from '../../state/whoami';
import { dcsaMode, legPath } from '../track/path';
import { checkContainer, splitContainers } from './iso6346';
import { EQUIPMENT, MAX_UNITS, containerIndexOfField, teuPerBox, type Booking } from './model';
import { useItinerary } from './itinerary';
import { decodeReference } from './reference';
import { At, placeName, useNetwork } from './shared';
import { noteBooked } from './booked';

const OVERLAY = 'booking-itinerary';

export function BookForm({ reference, caller, onBooked }: { reference: string; caller: Caller | null; onBooked?: () => void }) {
  const t = useT('booking');
  const net = useNetwork();
  const decoded = useMemo(() => decodeReference(reference), [reference]);
  const { loading, itinerary, answer } = useItinerary(decoded ? reference : undefined);
  const [equipment, setEquipment] = useState<string>(EQUIPMENT[1].code);
  const [units, setUnits] = useState('1');
  const [own, setOwn] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [checked, setChecked] = useState(false);
  const ids = useMemo(() => ({ eq: fieldId('equipment'), units: fieldId('units'), own: fieldId('own') }), []);

  // The itinerary on the map, leg by leg in its mode.
  useEffect(() => {
    if (!net) return;
    const legs = itinerary
      ? itinerary.steps.filter((s) => s.kind === 'leg').map((s) => ({ from: s.from, to: s.to, mode: dcsaMode(s.mode), passages: s.passages as string[] | undefined }))
      : (decoded?.rides ?? []).map((r) => ({ from: r.board, to: r.alight, mode: undefined, passages: undefined }));
    const stops = [...new Set(legs.flatMap((l) => [l.from, l.to]))];
    whenMap().then((m) => {
      m.setNetworkMuted(true);
      m.setOverlay(
        OVERLAY,
        {
          lines: legs.map((l) => ({ coords: legPath(net, l.from, l.to, l.mode, l.passages), color: '#0b5fa5', weight: 4, tooltip: `${l.from} – ${l.to}` })),
          points: stops.flatMap((c) => {
            const n = net.nodes.get(c);
            return n ? [{ lat: n.lat, lon: n.lon, color: '#0b5fa5', radius: 5, tooltip: `${n.name} (${c})` }] : [];
          }),
        },
        true,
      );
    });
  }, [net, itinerary, decoded]);
  useEffect(
    () => () => {
      whenMap().then((m) => {
        m.setOverlay(OVERLAY, null);
        m.setNetworkMuted(false);
      });
    },
    [],
  );

  const count = Number(units);
  const unitsError = !Number.isInteger(count) || count < 1 || count > MAX_UNITS ? t('form.errors.units', { max: MAX_UNITS }) : undefined;
  const ownList = splitContainers(own);
  const ownChecks = ownList.map(checkContainer);
  const ownProblems = ownChecks.flatMap((c, i) =>
    c.ok ? [] : [c.reason === 'format' ? t('iso6346.formatAt', { line: i + 1, number: c.number }) : t('iso6346.checkDigitAt', { line: i + 1, number: c.number, expected: c.expected })],
  );
  if (ownList.length > 0 && !unitsError && ownList.length !== count) ownProblems.push(t('form.errors.ownCount', { count, given: ownList.length }));
  const serverOwnIndex = error instanceof ApiError ? containerIndexOfField(error.field) : null;
  const serverOwn = serverOwnIndex !== null ? `${t('form.line', { line: serverOwnIndex + 1 })}: ${errorText(error)}` : fieldError(error, 'equipmentReferences', 'requestedEquipments');
  const ownError = (checked || own ? ownProblems.join(' ') : '') || serverOwn;

  const submit = async (e: Event) => {
    e.preventDefault();
    setChecked(true);
    if (unitsError || ownProblems.length) return;
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { routingReference: reference, ISOEquipmentCode: equipment, units: count };
      if (ownList.length) body.equipmentReferences = ownChecks.map((c) => c.number);
      const { data } = await request<Booking>('/v2/bookings', { method: 'POST', body });
      noteBooked(data);
      onBooked?.();
      setParams({ ref: undefined, bk: data.carrierBookingReference }, true);
    } catch (err) {
      setError(err);
      // A sold-out answer stores the booking as REJECTED: the list shows it.
      if (err instanceof ApiError && err.status === 409) onBooked?.();
    } finally {
      setBusy(false);
    }
  };

  const from = answer?.from_name ?? (decoded ? placeName(net, decoded.from) : '');
  const to = answer?.to_name ?? (decoded ? placeName(net, decoded.to) : '');
  const soldOut = error instanceof ApiError && error.status === 409 && /sold-out/.test(error.problem.type ?? '');
  const refError = fieldError(error, 'routingReference');
  return (
    <section class="card book" data-testid="book">
      <h2>{t('form.title')}</h2>
      {decoded ? (
        <div class="summary" data-testid="book-summary">
          <p class="route">
            <strong>{from}</strong> → <strong>{to}</strong>
          </p>
          {loading && <p class="muted">{t('common:loading')}</p>}
          {itinerary && (
            <dl class="facts">
              <dt>{t('summary.depart')}</dt>
              <dd><At instant={itinerary.depart} code={decoded.from} net={net} zone={answer?.from_zone} /></dd>
              <dt>{t('summary.arrive')}</dt>
              <dd><At instant={itinerary.arrive} code={decoded.to} net={net} zone={answer?.to_zone} /></dd>
              <dt>{t('summary.transit')}</dt>
              <dd>{formatDays(itinerary.days)}</dd>
              <dt>{t('summary.cost')}</dt>
              <dd>{formatMoney(itinerary.total.cost_usd)} <span class="muted">{t('summary.perQuery', { count: decoded.count ?? 1, unit: (decoded.unit ?? 'teu').toUpperCase() })}</span></dd>
              <dt>{t('summary.co2e')}</dt>
              <dd>{formatCo2(itinerary.total.co2e_kg)}</dd>
            </dl>
          )}
          {!loading && !itinerary && <p class="muted" data-testid="book-not-offered">{t('summary.notOffered')}</p>}
          {decoded.rides.length > 0 && (
            <>
              <h3>{t('summary.rides')}</h3>
              <ol class="rides">
                {decoded.rides.map((r) => (
                  <li key={r.departure}>
                    <code>{r.service}</code> {placeName(net, r.board)} → {placeName(net, r.alight)},{' '}
                    <At instant={r.start} code={r.board} net={net} zone={itinerary?.steps.find((s) => s.kind === 'leg' && s.from === r.board)?.depart_zone ?? undefined} />
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      ) : (
        <p class="muted" data-testid="book-unreadable">{t('summary.unreadable')}</p>
      )}
      {refError && !soldOut && (
        <p class="error" role="alert" data-testid="book-ref-error">
          {refError}
        </p>
      )}
      {!caller ? (
        <p class="muted" data-testid="book-signin">{t('form.signIn')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <div class="row">
            <Field id={ids.eq} label={t('form.equipment')} error={fieldError(error, 'ISOEquipmentCode')}>
              <select id={ids.eq} value={equipment} onChange={(e) => setEquipment((e.target as HTMLSelectElement).value)} data-testid="book-equipment">
                {EQUIPMENT.map((q) => (
                  <option value={q.code}>
                    {t(`equipment.${q.code}`)} ({q.code})
                  </option>
                ))}
              </select>
            </Field>
            <Field id={ids.units} label={t('form.units')} error={(checked || units !== '1' ? unitsError : undefined) || fieldError(error, 'units', 'requestedEquipments[0].units')} hint={unitsError ? undefined : t('form.teu', { count: count * teuPerBox(equipment) })}>
              <input id={ids.units} type="number" min={1} max={MAX_UNITS} step={1} inputMode="numeric" value={units} onInput={(e) => setUnits((e.target as HTMLInputElement).value)} data-testid="book-units" />
            </Field>
          </div>
          <Field id={ids.own} label={t('form.own')} hint={t('form.ownHint')} error={ownError || undefined}>
            <textarea id={ids.own} rows={2} value={own} spellcheck={false} autocapitalize="characters" placeholder="CSQU3054383" onInput={(e) => setOwn((e.target as HTMLTextAreaElement).value)} data-testid="book-own" />
          </Field>
          <div class="actions">
            <button type="submit" disabled={busy} data-testid="book-submit">
              {busy ? t('form.booking') : t('form.submit')}
            </button>
            <button type="button" class="secondary" onClick={() => setParams({ ref: undefined }, true)}>
              {t('common:cancel')}
            </button>
          </div>
          {soldOut && (
            <div class="problem" role="alert" data-testid="book-sold-out">
              <strong>{t('result.soldOut')}</strong>
              <p>{errorText(error)}</p>
            </div>
          )}
          {!soldOut && serverOwnIndex === null && <ProblemBox error={error} ownFields={['ISOEquipmentCode', 'units', 'requestedEquipments[0].units', 'routingReference', 'equipmentReferences', 'requestedEquipments']} />}
        </form>
      )}
    </section>
  );
}
