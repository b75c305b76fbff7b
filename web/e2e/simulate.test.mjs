// The simulation dashboard against a real `landbridge serve`: signed out it asks for an operator
// key; an operator runs the Hakata/Busan – Europe example with its Khorgos what-if (few
// replications), sees the progress bar, then the KPI table (base, what-if, change) and the
// histograms and queue charts with both series; a reload shows the job again; a long run is
// cancelled; a bad upload shows the server's file:line message at the file input; the result at
// phone size. Prints how long the run took.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, repoDir } from './harness.mjs';

const REPS = 6; // base and what-if: 12 replications, about a second of CPU
let h;
let resultUrl; // the finished what-if job's address
before(async () => (h = await start('simulate')));
after(async () => h && (await h.stop()));

const jobOf = (url) => new URL(url).searchParams.get('job');

test('signed out, the dashboard asks for an operator key', async () => {
  await h.open('?view=simulate');
  const notice = h.page.getByTestId('sim-signin-needed');
  await notice.waitFor();
  assert.match(await notice.innerText(), /operator or admin/);
  assert.equal(await h.page.getByTestId('sim-run').isDisabled(), true);
  await h.shot('signed-out');
});

test('an operator runs the example with a what-if and sees KPIs, histograms and queues', async () => {
  const p = h.page;
  await h.signIn('operator');
  await p.getByTestId('sim-signin-needed').waitFor({ state: 'detached' });
  await p.getByTestId('sim-example').selectOption('hakata-busan-europe');
  await p.getByTestId('sim-whatif').selectOption('hakata-busan-europe-khorgos-half');
  await p.getByTestId('sim-reps').fill(String(REPS));
  await p.getByTestId('sim-seed').fill('7');
  await h.shot('form');

  const t0 = Date.now();
  await p.getByTestId('sim-run').click();
  const bar = p.getByTestId('sim-progress');
  await bar.waitFor();
  assert.equal(await bar.getAttribute('role'), 'progressbar');
  assert.equal(await bar.getAttribute('aria-valuemax'), String(2 * REPS));
  await h.shot('progress');
  assert.ok(jobOf(p.url()), 'the job id is in the URL');

  await p.getByTestId('sim-results').waitFor({ timeout: 120_000 });
  console.log(`simulation: ${REPS} replications of base and what-if, ${Date.now() - t0} ms from Run to results`);
  assert.equal(await p.getByTestId('sim-status').innerText(), 'done');

  // KPI table: base, what-if and change columns, rows for the flows.
  const table = p.getByTestId('sim-kpi-table');
  const heads = await table.locator('thead th').allInnerTexts();
  assert.deepEqual(heads.slice(2), ['Base', 'What-if', 'Change']);
  const rows = table.getByTestId('sim-kpi-row');
  assert.ok((await rows.count()) >= 8);
  const first = await rows.first().locator('td.num').allInnerTexts();
  assert.equal(first.length, 3);
  for (const cell of first) assert.match(cell, /^[+−-]?[\d,.]+ ± [\d,.]+/);
  assert.match(await table.innerText(), /JPHKT-DEDUI/);
  assert.match(await table.innerText(), /Mean transit \(h\)/);
  await h.shot('kpis');

  // Gauge-change nodes: Khorgos with half its cranes shows a clear change in crane count.
  await p.getByTestId('sim-group-node').click();
  const nodeText = await table.innerText();
  assert.match(nodeText, /KZHOR/);
  assert.match(nodeText, /Khorgos Gateway/); // the node's name as the network spells it
  assert.match(nodeText, /clear/);
  await h.shot('kpis-nodes');

  // Histograms and queue charts, each with both series on one canvas.
  const hists = p.locator('[data-testid^="sim-hist-"]');
  const queues = p.locator('[data-testid^="sim-queue-"]');
  assert.ok((await hists.count()) >= 1);
  assert.ok((await queues.count()) >= 1);
  for (const c of [hists.first(), queues.first()]) {
    assert.equal(await c.getAttribute('data-series-count'), '2');
    assert.match(await c.getAttribute('data-series'), /Base · hakata-busan-europe\|What-if · hakata-busan-europe-khorgos-half/);
    const box = await c.locator('canvas').boundingBox();
    assert.ok(box && box.width > 200 && box.height > 150, 'the canvas is drawn at a readable size');
  }
  await hists.first().scrollIntoViewIfNeeded();
  await h.shot('histograms');
  await p.getByTestId('sim-queue-crane-queue-KZHOR').scrollIntoViewIfNeeded();
  await h.shot('queues');

  // A reload shows the same job's results again.
  const url = (resultUrl = p.url());
  await p.reload();
  await p.waitForSelector('body[data-ready="1"]');
  await p.getByTestId('sim-results').waitFor({ timeout: 30_000 });
  assert.equal(p.url(), url);
});

test('a long run can be cancelled', async () => {
  const p = h.page;
  await p.getByTestId('sim-whatif').selectOption('');
  await p.getByTestId('sim-reps').fill('2000');
  await p.getByTestId('sim-run').click();
  await p.getByTestId('sim-cancel').waitFor();
  await p.getByTestId('sim-cancel').click();
  await p.locator('[data-testid="sim-job"][data-status="cancelled"]').waitFor({ timeout: 30_000 });
  const bar = p.getByTestId('sim-progress');
  assert.ok(Number(await bar.getAttribute('aria-valuenow')) < 2000);
  await h.shot('cancelled');
});

test('a bad upload shows the server message at the file it names', async () => {
  const p = h.page;
  const dir = join(repoDir, 'examples/scenarios');
  // A network line (the service refuses it: the page leaves it out and says so) and a bad horizon.
  const toml = readFileSync(join(dir, 'hakata-busan-europe.toml'), 'utf8')
    .replace('horizon_days = 182', 'horizon_days = -5')
    .replace(/^name = .*$/m, '$&\nnetwork = "../../data/eurasia"');
  const csv = readFileSync(join(dir, 'hakata-busan-europe.csv'), 'utf8');
  await p.getByTestId('sim-source-upload').check();
  await p.getByTestId('sim-toml').setInputFiles({ name: 'my-scenario.toml', mimeType: 'text/plain', buffer: Buffer.from(toml) });
  await p.getByTestId('sim-csv').setInputFiles({ name: 'hakata-busan-europe.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await p.getByTestId('sim-reps').fill('2');
  await p.getByTestId('sim-run').click();
  const err = p.locator('#sim-toml-error');
  await err.waitFor();
  assert.match(await err.innerText(), /scenario\.toml:\d+: field 'scenario\.horizon_days'/);
  assert.equal(await p.locator('#sim-toml').getAttribute('aria-invalid'), 'true');
  assert.equal(await p.getByTestId('problem').count(), 0, 'the message is at the field, not in a box');
  await p.getByTestId('sim-network-left-out').waitFor();
  await h.shot('bad-upload');

  // A demand file with a bad unit: the message is at the demand input.
  await p.getByTestId('sim-toml').setInputFiles({ name: 'ok.toml', mimeType: 'text/plain', buffer: Buffer.from(toml.replace('horizon_days = -5', 'horizon_days = 182')) });
  await p.getByTestId('sim-csv').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.replace(',FEU,', ',BOX,')) });
  await p.getByTestId('sim-run').click();
  const csvErr = p.locator('#sim-csv-error');
  await csvErr.waitFor();
  assert.match(await csvErr.innerText(), /\.csv:\d+: field 'unit'/);
  await h.shot('bad-demand');
});

test('the result at phone size, and no console errors', async () => {
  const p = h.page;
  await p.setViewportSize({ width: 390, height: 844 });
  await p.goto(resultUrl);
  await p.waitForSelector('body[data-ready="1"]');
  await p.getByTestId('sim-results').waitFor({ timeout: 30_000 });
  await p.getByTestId('sim-kpi-table').scrollIntoViewIfNeeded();
  await h.shot('phone-kpis');
  await p.locator('[data-testid^="sim-hist-"]').first().scrollIntoViewIfNeeded();
  await h.shot('phone-histogram');
  await p.getByTestId('sim-queue-crane-queue-KZHOR').scrollIntoViewIfNeeded();
  await h.shot('phone-queue');
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page is no wider than the phone (${overflow} px over)`);
  // The two refused uploads are the only failed loads (Chromium logs each 4xx as a console error).
  const errors = h.consoleErrors.filter((e) => !/status of 400 \(Bad Request\)/.test(e));
  assert.deepEqual(errors, []);
  assert.equal(h.consoleErrors.length, 2);
});
