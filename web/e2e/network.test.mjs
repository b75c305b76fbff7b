// The network view in a real browser against a real `landbridge serve`: the legend lists node
// kinds and link modes/gauges and switches their layers, a click on a node opens its operations
// and services (next departures in the node's local time), a click on a link its figures and
// sources, the selection comes back from the URL, and the page fits a phone. Screenshots of each
// step go to e2e/out/network/.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './harness.mjs';

let h;
let detailEndpoints = true; // false on a server without /v1/nodes/{code}: the panels show less
// The browser's lines for answers this test asks to fail: the 404s of a server without the detail
// endpoints, and the 400 of a date the server cannot read.
const expectedErrors = [];
const BAD_DATE = '14.12.2026';

before(async () => {
  h = await start('network');
  const probe = await fetch(`${h.url}/v1/nodes/KZHOR`);
  detailEndpoints = probe.status !== 404 && probe.status !== 405;
  if (!detailEndpoints) console.log('note: this server has no node/link detail endpoints; checking the partial panels');
  h.page.on('console', (m) => {
    const url = m.location().url ?? '';
    if (m.type() !== 'error') return;
    if ((!detailEndpoints && /\/v1\/(nodes|links)\//.test(url)) || url.includes(`after=${BAD_DATE}`)) expectedErrors.push(m.text());
  });
});
after(async () => h && (await h.stop()));

const count = (sel) => h.page.locator(sel).count();
// Screenshots wait until the map has stopped panning and zooming.
async function shot(step) {
  await h.page.waitForSelector('[data-testid="map"]:not([data-moving])');
  await h.page.waitForTimeout(150);
  return h.shot(step);
}
const params = () => new URL(h.page.url()).searchParams;

// Clicks the middle of a drawn SVG path (a polyline's box centre need not lie on the line).
async function clickPath(selector) {
  await h.page.waitForSelector('[data-testid="map"]:not([data-moving])');
  const box = await h.page.locator(selector).first().evaluate((el) => {
    const p = el.getPointAtLength(el.getTotalLength() / 2);
    const m = el.getScreenCTM();
    return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
  });
  await h.page.mouse.click(box.x, box.y);
}

// The console errors other than the expected ones.
function realErrors() {
  const errs = [...h.consoleErrors];
  for (const m of expectedErrors) {
    const i = errs.indexOf(m);
    if (i >= 0) errs.splice(i, 1);
  }
  return errs;
}

test('the legend lists node kinds and link modes and gauges, and hides a layer', async () => {
  await h.open('?view=network');
  await h.page.locator('path.lb-link').first().waitFor();
  await h.page.locator('path.lb-node').first().waitFor();
  const legend = h.page.getByTestId('legend');
  for (const layer of ['node:seaport', 'node:rail_terminal', 'node:border_crossing', 'node:dry_port', 'link:rail-1435', 'link:rail-1520', 'link:feeder', 'link:deep_sea']) {
    assert.equal(await legend.getByTestId(`layer-${layer}`).isChecked(), true, layer);
  }
  const text = await legend.innerText();
  for (const label of ['Seaport', 'Border crossing', 'Rail 1,435 mm', 'Rail 1,520 mm', 'Feeder ship', 'Deep sea']) assert.match(text, new RegExp(label));
  await shot('network');

  const feeders = await count('path.lb-link--feeder');
  const broad = await count('path.lb-link--rail-1520');
  assert.ok(feeders > 10 && broad > 10, `feeder ${feeders}, 1520 ${broad}`);
  await legend.getByTestId('layer-link:feeder').uncheck();
  await h.page.waitForFunction(() => document.querySelectorAll('path.lb-link--feeder').length === 0);
  assert.equal(await count('path.lb-link--rail-1520'), broad, 'other layers stay');
  assert.equal(params().get('hide'), 'link:feeder');
  await legend.getByTestId('layer-node:seaport').uncheck();
  // the map takes the layer off after the legend's re-render: wait for it, do not sample
  await h.page.waitForFunction(() => document.querySelectorAll('path.lb-node--seaport').length === 0);
  assert.equal(params().get('hide'), 'link:feeder,node:seaport');
  await shot('layers-hidden');

  // the hidden layers come back from the URL, and "show all" brings them back
  await h.page.reload();
  await h.page.waitForSelector('body[data-ready="1"]');
  await h.page.locator('path.lb-link--rail-1520').first().waitFor();
  await h.page.waitForFunction(() => document.querySelectorAll('path.lb-link--feeder').length === 0);
  assert.equal(await h.page.getByTestId('layer-link:feeder').isChecked(), false);
  await h.page.getByTestId('layers-all').click();
  await h.page.locator('path.lb-link--feeder').first().waitFor();
  assert.equal(await count('path.lb-link--feeder'), feeders);
  assert.equal(params().get('hide'), null);
});

test('a click on Lianyungang opens its operations and services', async () => {
  await clickPath('path[data-node="CNLYG"]');
  const panel = h.page.getByTestId('node-panel');
  await panel.waitFor();
  assert.equal(params().get('node'), 'CNLYG');
  assert.match(await panel.locator('h2').innerText(), /Lianyungang/);
  assert.ok((await panel.getByTestId('node-links').locator('li').count()) >= 3, 'links listed');
  await h.page.locator('path.lb-selected-node').waitFor(); // drawn on the map
  if (detailEndpoints) {
    const ops = panel.getByTestId('node-operations');
    assert.ok((await ops.locator('tbody tr').count()) > 0);
    assert.match(await ops.innerText(), /Handling/);
    assert.match(await ops.innerText(), /\d+(\.\d)? (hr|h)/);
    assert.ok((await panel.getByTestId('node-service').count()) > 0, 'services call at Lianyungang');
  } else {
    await panel.getByTestId('partial').waitFor();
  }
  await shot('node-lianyungang');
});

test('Khorgos (found by name) shows gauge change, costs and next departures in local time', async () => {
  await h.page.getByTestId('net-find').fill('Khorgos');
  await h.page.getByTestId('net-find-results').waitFor();
  await h.page.getByTestId('net-find').press('Enter');
  const panel = h.page.getByTestId('node-panel');
  await h.page.waitForFunction(() => new URL(location.href).searchParams.get('node') === 'KZHOR');
  await panel.locator('h2', { hasText: 'KZHOR' }).waitFor();
  if (detailEndpoints) {
    const api = await (await fetch(`${h.url}/v1/nodes/KZHOR?limit=3`)).json();
    const ops = await panel.getByTestId('node-operations').innerText();
    assert.match(ops, /Gauge change/);
    assert.match(ops, /US\$|\$/); // costs
    const withDeps = (api.services ?? []).filter((s) => s.nextDepartures?.length);
    assert.ok(withDeps.length > 0, 'a service leaves Khorgos');
    const rows = panel.getByTestId('node-departure');
    assert.ok((await rows.count()) > 0);
    // the first departure shown reads the wall clock the service gives for Khorgos
    const first = withDeps[0].nextDepartures[0];
    const hhmm = /T(\d{2}:\d{2})/.exec(first.departLocal)[1];
    const card = panel.getByTestId('node-service').nth(api.services.indexOf(withDeps[0]));
    const shown = await card.getByTestId('node-departure').first().innerText();
    assert.ok(shown.includes(hhmm), `${shown} shows ${hhmm} (${first.departLocal})`);
    if (api.operations.some((o) => o.cranes != null)) assert.match(ops, /crane/);
  } else {
    await panel.getByTestId('partial').waitFor();
  }
  await shot('node-khorgos');
  if (detailEndpoints) {
    await panel.getByTestId('node-departure').first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot('node-khorgos-departures');

    // departures from a chosen day (local at Khorgos): the first one shown is on or after it
    const day = new Date(Date.now() + 14 * 86400_000).toISOString().slice(0, 10);
    await h.page.getByTestId('net-after').fill(day);
    await h.page.waitForFunction((d) => new URL(location.href).searchParams.get('after') === d, day);
    const later = await (await fetch(`${h.url}/v1/nodes/KZHOR?limit=3&after=${day}`)).json();
    const svc = later.services.find((x) => x.nextDepartures.length);
    assert.ok(svc.nextDepartures[0].departLocal.slice(0, 10) >= day, `${svc.nextDepartures[0].departLocal} on or after ${day}`);
    const want = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(new Date(svc.nextDepartures[0].departLocal.slice(0, 10)));
    const card2 = panel.getByTestId('node-service').nth(later.services.indexOf(svc));
    await card2.getByTestId('node-departure').first().filter({ hasText: want }).waitFor();

    // a date the server cannot read is shown at the date field
    await h.open(`?view=network&node=KZHOR&after=${BAD_DATE}`);
    await h.page.getByTestId('error-net-after').waitFor();
    assert.match(await h.page.getByTestId('error-net-after').innerText(), /after/);
    await shot('after-error');
    await h.page.getByTestId('net-after').fill(day);
    await panel.waitFor();
  }
});

test('a click on a link opens its distance, time, cost, emissions and sources', async () => {
  await clickPath('path[data-link="rail-KZHOR-KZALA"]');
  const panel = h.page.getByTestId('link-panel');
  await panel.waitFor();
  const id = params().get('link');
  assert.match(id, /^rail-/, `a rail link was clicked (${id})`);
  assert.equal(params().get('node'), null);
  await h.page.locator('path.lb-selected-link').first().waitFor();
  assert.match(await panel.getByTestId('link-distance').innerText(), /\d.* km/);
  assert.match(await panel.getByTestId('link-time').innerText(), /\d/);
  assert.match(await panel.getByTestId('link-cost').innerText(), /\$\d/);
  assert.ok((await panel.getByTestId('link-sources').locator('li').count()) > 0, 'sources listed');
  if (detailEndpoints) {
    assert.match(await panel.getByTestId('link-emissions').innerText(), /CO₂e/);
    const api = await (await fetch(`${h.url}/v1/links/${encodeURIComponent(id)}`)).json();
    const firstTitle = api.sources?.find((s) => s.title)?.title;
    if (firstTitle) assert.match(await panel.getByTestId('link-sources').innerText(), new RegExp(firstTitle.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  }
  await shot('link');
});

test('the selection comes back from the URL, in Japanese too', async () => {
  const linkUrl = h.page.url();
  await h.page.reload();
  await h.page.waitForSelector('body[data-ready="1"]');
  await h.page.getByTestId('link-panel').waitFor();
  assert.equal(h.page.url(), linkUrl);
  await h.open('?view=network&node=KZHOR&lang=ja');
  const panel = h.page.getByTestId('node-panel');
  await panel.locator('h2', { hasText: 'KZHOR' }).waitFor();
  if (detailEndpoints) assert.match(await panel.getByTestId('node-operations').innerText(), /軌間変更/);
  assert.match(await h.page.getByTestId('legend').innerText(), /鉄道 1,520 mm/);
  await h.page.locator('path.lb-selected-node').waitFor();
  await shot('restored-ja');
  await h.page.getByTestId('clear-selection').click();
  await h.page.getByTestId('net-hint').waitFor();
  assert.equal(params().get('node'), null);
});

test('the node panel fits a phone', async () => {
  await h.page.setViewportSize({ width: 390, height: 844 });
  await h.open('?view=network&node=KZHOR');
  await h.page.getByTestId('node-panel').waitFor();
  await h.page.locator('path.lb-selected-node').waitFor();
  const width = await h.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling (${width}px)`);
  const map = await h.page.getByTestId('map').boundingBox();
  assert.ok(map.width >= 380 && map.height > 250, `map ${map.width}x${map.height}`);
  assert.ok(map.y >= 0 && map.y < 200, `the map is at the top of the page (y ${map.y})`);
  await shot('phone');
  await h.page.getByTestId('legend').evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await shot('phone-legend');
  await h.page.setViewportSize({ width: 1280, height: 800 });
});

test('no console errors', () => {
  assert.deepEqual(realErrors(), []);
});
