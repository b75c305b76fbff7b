// A node's panel: what it is, what a box goes through there (minimum handling, gauge change and
// border times, costs, equipment), the services that call there with their next departures in
// the node's local time, and the links that leave it.
import { useT } from '../../i18n';
import { formatNumber, formatCo2 } from '../../format';
import type { Network } from '../../api/network';
import { linkColour } from '../../map/style';
import { linkLayer } from '../../map/style';
import type { Selection } from '../../map/mapview';
import { linksAt, type NodeDetail, type Operation, type Range, type ServiceAtNode } from './detail';
import { durationParts, ends, usdParts, type Parts } from './ranges';
import { operationRows } from './operations';
import { operationSides } from './labels';
import { departureLocal } from './times';
import { SourceList, uniqueSources } from './sources';

interface Props {
  node: NodeDetail;
  net: Network | null;
  onSelect: (s: Selection) => void;
}

// A cost of nothing is a step the dataset charges in the line's rate: shown as a dash.
const cost = (r: Range | null | undefined) => (ends(r)?.[1] ? usdParts(r) : null);

// A figure with its range under it, smaller.
function Fig({ parts }: { parts: Parts | null }) {
  if (!parts) return <>—</>;
  return (
    <>
      {parts.main}
      {parts.range && <div class="range">{parts.range}</div>}
    </>
  );
}

// Services with departures from here first; those that end here (arrivals only) after them.
export function servicesInOrder(services: ServiceAtNode[], code: string): ServiceAtNode[] {
  const endsHere = (s: ServiceAtNode) => (s.calls?.length ? s.calls[s.calls.length - 1] === code : false);
  const rank = (s: ServiceAtNode) => (s.nextDepartures?.length ? 0 : endsHere(s) ? 2 : 1);
  return services.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map((x) => x.s);
}

function Equipment({ op }: { op: Operation }) {
  const t = useT('network');
  const facts: string[] = [];
  if (op.cranes != null) facts.push(t('node.cranes', { count: op.cranes }));
  if (op.movesPerHour != null) facts.push(t('node.movesPerHour', { value: formatNumber(op.movesPerHour) }));
  if (op.capacityTeuPerDay != null) facts.push(t('node.capacityPerDay', { value: formatNumber(op.capacityTeuPerDay) }));
  if (op.hubKgCo2ePerT) facts.push(t('node.hubCo2', { value: formatCo2(op.hubKgCo2ePerT) }));
  return facts.length ? <div class="op-facts">{facts.join(' · ')}</div> : null;
}

function Operations({ ops }: { ops: Operation[] }) {
  const t = useT('network');
  if (!ops.length) return <p class="muted">{t('node.noOperations')}</p>;
  return (
    <table class="net-table" data-testid="node-operations">
      <thead>
        <tr>
          <th>{t('node.operation')}</th>
          <th class="num">{t('node.time')}</th>
          <th class="num">{t('node.costFeu')}</th>
        </tr>
      </thead>
      <tbody>
        {operationRows(ops).map((op, i) => (
          <tr key={i} class={op.kind === 'dwell' ? 'op-dwell' : ''} title={op.note}>
            <td>
              <strong>{t(`opKind.${op.kind}`, { defaultValue: op.kind })}</strong>
              <div class="muted">{operationSides(t, op.arrive, op.depart, op.both)}</div>
              <Equipment op={op} />
            </td>
            <td class="num">
              <Fig parts={durationParts(op.hours)} />
            </td>
            <td class="num">
              <Fig parts={cost(op.costUsdFeu)} />
              {cost(op.costUsdTeu) && <div class="muted">{t('node.perTeu', { value: cost(op.costUsdTeu)!.main })}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Service({ svc, node, net, onSelect }: { svc: ServiceAtNode } & Props) {
  const t = useT('network');
  const name = (c: string) => net?.nodes.get(c)?.name ?? c;
  const deps = svc.nextDepartures ?? [];
  return (
    <li class="card svc" data-testid="node-service">
      <div class="svc-head">
        <strong>{svc.name || svc.id}</strong>
        <span class="muted">
          {svc.name && svc.name !== svc.id ? `${svc.id} · ` : ''}
          {svc.mode ? t(`layer.${svc.mode}`, { defaultValue: svc.mode }) : ''}
          {svc.capacityTeu != null ? ` · ${t('node.capacityTeu', { value: formatNumber(svc.capacityTeu) })}` : ''}
        </span>
      </div>
      {svc.calls && svc.calls.length > 0 && (
        <ol class="calls" aria-label={t('node.calls')}>
          {svc.calls.map((c) => (
            <li key={c} class={c === node.code ? 'here' : ''}>
              {c === node.code ? (
                <span aria-current="location">{name(c)}</span>
              ) : (
                <button type="button" class="link" onClick={() => onSelect({ type: 'node', code: c })}>
                  {name(c)}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {deps.length ? (
        <table class="net-table deps">
          <thead>
            <tr>
              <th>{t('node.departs', { zone: node.timezone ?? '' })}</th>
              <th>{t('node.nextStop')}</th>
              <th class="num">{t('node.freeTeu')}</th>
            </tr>
          </thead>
          <tbody>
            {deps.map((d) => (
              <tr key={d.departure} data-testid="node-departure">
                <td>{departureLocal(d.depart, d.departLocal, node.timezone)}</td>
                <td>{d.nextStop ? name(d.nextStop) : '—'}</td>
                <td class="num">
                  {d.freeTeu != null ? formatNumber(d.freeTeu) : '—'}
                  {d.capacityTeu != null && <span class="muted"> / {formatNumber(d.capacityTeu)}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{svc.calls?.[svc.calls.length - 1] === node.code ? t('node.endsHere') : t('node.noDepartures')}</p>
      )}
    </li>
  );
}

export function NodePanel({ node, net, onSelect }: Props) {
  const t = useT('network');
  const links = net ? linksAt(net, node.code) : [];
  const ops = node.operations ?? [];
  const services = servicesInOrder(node.services ?? [], node.code);
  const name = (c: string) => net?.nodes.get(c)?.name ?? c;
  return (
    <article class="net-detail" data-testid="node-panel">
      <h2>
        {node.name} <span class="code">{node.code}</span>
      </h2>
      <p class="muted facts">
        {t(`layer.${node.kind}`, { defaultValue: node.kind })} · {node.country}
        {node.timezone ? ` · ${node.timezone}` : ''}
      </p>
      {node.aliases && node.aliases.length > 0 && <p class="muted">{t('node.aliases', { names: node.aliases.join(', ') })}</p>}
      {node.note && <p class="note">{node.note}</p>}
      {node.partial && (
        <p class="notice" data-testid="partial">
          {t('partialNode')}
        </p>
      )}
      {!node.partial && (
        <>
          <h3>{t('node.operations')}</h3>
          <p class="muted small">{t('node.operationsHint')}</p>
          <Operations ops={ops} />
          <h3>{t('node.services', { count: services.length })}</h3>
          {services.length ? (
            <ul class="svc-list">
              {services.map((s) => (
                <Service key={s.id} svc={s} node={node} net={net} onSelect={onSelect} />
              ))}
            </ul>
          ) : (
            <p class="muted">{t('node.noServices')}</p>
          )}
        </>
      )}
      {links.length > 0 && (
        <>
          <h3>{t('node.links', { count: links.length })}</h3>
          <ul class="link-list" data-testid="node-links">
            {links.map((l) => {
              const other = l.from === node.code ? l.to : l.from;
              return (
                <li key={l.id}>
                  <button type="button" class="link" onClick={() => onSelect({ type: 'link', id: l.id })}>
                    <span class="legend-line" style={{ background: linkColour(l) }} aria-hidden="true" />
                    {name(other)}
                  </button>
                  <span class="muted"> {t(`layer.${linkLayer(l)}`, { defaultValue: l.mode })}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <SourceList sources={uniqueSources([node.sources, ...ops.map((o) => o.sources)])} testid="node-sources" />
    </article>
  );
}
