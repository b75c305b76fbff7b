// The network view: the corridor network on the map with a legend that switches its layers (node
// kinds, link modes and gauges), a finder for places, and the panel of the selected node or link.
// The selection and the hidden layers are in the URL (`node=`, `link=`, `hide=`).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useT } from '../../i18n';
import { loadNetwork, type Network } from '../../api/network';
import { whenMap, type Selection } from '../../map/mapview';
import { Legend } from '../../map/legend';
import { networkLayers } from '../../map/layers';
import { setParams, useParams } from '../../state/url';
import { ProblemBox, fieldError } from '../../components/problem';
import { Field } from '../../components/field';
import { loadLink, loadNode, type LinkDetail, type NodeDetail } from './detail';
import { hiddenOf, hidePatch, selectionOf, selectionPatch } from './params';
import { NodePanel } from './node-panel';
import { LinkPanel } from './link-panel';
import { NodeFinder } from './finder';
import { selectionOverlay } from './highlight';
import './network.css';

type Detail = { kind: 'node'; data: NodeDetail } | { kind: 'link'; data: LinkDetail };
const OVERLAY = 'network-selection';
let framed = false; // the map showed the whole network once this page: later visits keep the reader's view

export function NetworkView() {
  const t = useT('network');
  const params = useParams();
  const sel = selectionOf(params);
  const selKey = sel ? (sel.type === 'node' ? `node:${sel.code}` : `link:${sel.id}`) : '';
  const hidden = useMemo(() => hiddenOf(params), [params.hide]);
  const [net, setNet] = useState<Network | null>(null);
  const [netError, setNetError] = useState<unknown>(null);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const after = sel?.type === 'node' ? params.after : undefined;

  const select = (s: Selection | null) => setParams(selectionPatch(s), true);

  useEffect(() => {
    loadNetwork().then(setNet, setNetError);
  }, []);

  // Clicks on the map select; leaving the view gives the map back as it was.
  useEffect(() => {
    let off: (() => void) | undefined;
    let gone = false;
    whenMap().then((m) => {
      if (gone) return;
      m.setNetworkMuted(false);
      off = m.onSelect(select);
    });
    return () => {
      gone = true;
      off?.();
      whenMap().then((m) => {
        m.setOverlay(OVERLAY, null);
        for (const name of m.layerNames()) m.setLayerVisible(name, true);
      });
    };
  }, []);

  const layers = useMemo(() => (net ? networkLayers(net) : []), [net]);
  useEffect(() => {
    if (!layers.length) return;
    whenMap().then((m) => layers.forEach((l) => m.setLayerVisible(l.name, !hidden.has(l.name))));
  }, [layers, hidden]);

  useEffect(() => {
    setError(null);
    if (!sel) {
      setDetail(null);
      return;
    }
    const ctl = new AbortController();
    setLoading(true);
    const done = () => !ctl.signal.aborted && setLoading(false);
    // The network first: it tells a missing endpoint from an unknown code, and draws the selection.
    loadNetwork()
      .catch(() => null)
      .then((n) =>
        sel.type === 'node'
          ? loadNode(sel.code, n, ctl.signal, after).then((data): Detail => ({ kind: 'node', data }))
          : loadLink(sel.id, n, ctl.signal).then((data): Detail => ({ kind: 'link', data })),
      )
      .then((d) => !ctl.signal.aborted && setDetail(d))
      .catch((e) => {
        if (ctl.signal.aborted) return;
        setDetail(null);
        setError(e);
      })
      .finally(done);
    return () => ctl.abort();
  }, [selKey, after]);

  useEffect(() => {
    if (!net) return;
    whenMap().then((m) => {
      const overlay = sel ? selectionOverlay(net, sel, select) : null;
      m.setOverlay(OVERLAY, overlay, overlay ? { maxZoom: 6 } : false);
      // nothing selected: the whole network in view (its nodes; sea lanes may run off the edge)
      if (!overlay && !framed) m.fitTo([...net.nodes.values()].map((n) => [n.lon, n.lat]));
      framed = true;
    });
  }, [net, selKey]);

  return (
    <div class="net-view">
      <h2 class="sr-only">{t('title')}</h2>
      <NodeFinder net={net} onPick={(code) => select({ type: 'node', code })} />
      {sel && (
        <div class="net-selection">
          <button type="button" class="secondary small-btn" onClick={() => select(null)} data-testid="clear-selection">
            {t('clear')}
          </button>
          {loading && <span class="muted">{t('common:loading')}</span>}
        </div>
      )}
      {sel?.type === 'node' && (
        <Field id="net-after" label={t('after.label')} hint={t('after.hint')} error={fieldError(error, 'after')}>
          <input
            id="net-after"
            type="date"
            value={params.after && /^\d{4}-\d{2}-\d{2}$/.test(params.after) ? params.after : ''}
            onChange={(e) => setParams({ after: (e.target as HTMLInputElement).value || undefined })}
            aria-describedby={fieldError(error, 'after') ? 'net-after-error' : 'net-after-hint'}
            data-testid="net-after"
          />
        </Field>
      )}
      <ProblemBox error={netError || error} ownFields={['after']} />
      {detail?.kind === 'node' && <NodePanel node={detail.data} net={net} onSelect={select} />}
      {detail?.kind === 'link' && <LinkPanel link={detail.data} onSelect={select} />}
      {!sel && <p class="muted hint" data-testid="net-hint">{t('hint')}</p>}
      <Legend
        layers={layers}
        hidden={hidden}
        onToggle={(layer, visible) => setParams({ hide: hidePatch(hidden, layer, visible) })}
        onShowAll={() => setParams({ hide: undefined })}
      />
    </div>
  );
}
