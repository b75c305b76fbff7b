// The route search in a real browser against a real `landbridge serve`: Hakata -> Duisburg, the
// Pareto set in the table and as coloured paths on the map, the time/cost-distance chart, the
// timeline of a chosen itinerary, the same result after a reload, the same flow in Japanese, an
// unknown place shown at the From field, and the phone layout. Prints how long the search took.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './harness.mjs';

const DEPART = '2026-12-10T08:00';

// Colours of the itinerary lines: paths inside the overlay pane made by the search view.
async function itineraryPaths(page) {
  return page.evaluate(() => {
    const pane = [...document.querySelectorAll('.leaflet-pane')].find((p) => p.style.zIndex === '500');
    return pane ? [...pane.querySelectorAll('path')].map((p) => p.getAttribute('stroke')) : [];
  });
}

async function searchHakataDuisburg(h, { submitLabel }) {
  const { page } = h;
  // From: typed, picked from the suggestions with the keyboard
  const from = page.getByTestId('place-from');
  await from.fill('Hakata');
  await page.getByTestId('suggest-from').getByRole('option').first().waitFor();
  await h.shot('suggestions');
  const firstOption = await page.getByTestId('suggest-from').getByRole('option').first().textContent();
  assert.match(firstOption, /JPHKT/);
  await from.press('ArrowDown');
  assert.equal(await from.getAttribute('aria-activedescendant'), `${await from.getAttribute('id')}-list-0`);
  await from.press('Enter');
  assert.equal(await from.inputValue(), 'JPHKT');
  await page.getByTestId('place-to').fill('DEDUI');
  await page.getByTestId('depart').fill(DEPART);
  assert.equal(await page.getByTestId('objective').inputValue(), 'pareto');
  assert.equal(await page.getByTestId('search-submit').textContent(), submitLabel);
  const t0 = Date.now();
  await page.getByTestId('search-submit').click();
  await page.getByTestId('itinerary-row').first().waitFor();
  const ms = Date.now() - t0;
  const serverMs = await page.getByTestId('search-status').getAttribute('data-ms');
  return { ms, serverMs: Number(serverMs) };
}

async function assertResult(h, { minRows = 3 } = {}) {
  const { page } = h;
  const rows = await page.getByTestId('itinerary-row').count();
  assert.ok(rows >= minRows, `at least ${minRows} itineraries in the table, got ${rows}`);
  // every row has its own colour on the map
  await page.waitForFunction((n) => {
    const pane = [...document.querySelectorAll('.leaflet-pane')].find((p) => p.style.zIndex === '500');
    return pane && new Set([...pane.querySelectorAll('path')].map((p) => p.getAttribute('stroke'))).size >= n;
  }, Math.min(rows, 3));
  const colours = new Set(await itineraryPaths(page));
  const swatches = await page.$$eval('[data-testid=itinerary-row] .swatch', (els) => els.map((e) => getComputedStyle(e).backgroundColor));
  assert.ok(colours.size >= 3, `at least three coloured paths on the map, got ${[...colours]}`);
  return { rows, colours, swatches };
}

// Leaflet animates the zoom to the itineraries; a screenshot waits for the map to settle.
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('.leaflet-zoom-anim, .leaflet-pan-anim'));
  await page.waitForTimeout(400);
}

function rgb(hex) {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}

async function chartDrawn(page) {
  await page.getByTestId('chart-canvas').waitFor();
  await page.waitForFunction(() => {
    const c = document.querySelector('[data-testid=chart-canvas]');
    if (!c || c.width === 0) return false;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) ink++;
    return ink > 2000;
  });
}

describe_flow('en', { locale: 'en-GB', submit: 'Search', chart: 'Show the time/cost–distance chart', timeline: /step by step/, name: 'search' });
describe_flow('ja', { locale: 'ja-JP', submit: '検索', chart: '時間・費用–距離チャートを表示', timeline: /の行程/, name: 'search-ja', lang: 'ja' });

function describe_flow(tag, o) {
  let h;
  test(`${tag}: search Hakata -> Duisburg, table, map, chart, timeline, reload`, async (t) => {
    h = await start(o.name, { locale: o.locale });
    t.after(() => h.stop());
    const { page } = h;
    const ready = await h.open(`?view=search${o.lang ? `&lang=${o.lang}` : ''}`);
    console.log(`[${tag}] page interactive in ${ready} ms`);
    await h.shot('form');
    // labels in the reader's language
    const fromLabel = await page.locator('label[for=s-from]').textContent();
    assert.equal(fromLabel, tag === 'ja' ? '出発地' : 'From');

    const { ms, serverMs } = await searchHakataDuisburg(h, { submitLabel: o.submit });
    console.log(`[${tag}] search Hakata -> Duisburg (timetabled, Pareto): ${ms} ms from click to table (fetch ${serverMs} ms)`);
    const { rows, colours, swatches } = await assertResult(h);
    // the swatches in the table are the colours on the map
    for (const c of colours) assert.ok(swatches.includes(rgb(c)), `map colour ${c} is a row's colour`);
    if (tag === 'ja') {
      assert.equal(await page.getByTestId('sort-days').textContent().then((s) => s.replace(/[▲▼↕]/g, '')), '日数');
      assert.match(await page.getByTestId('search-status').textContent(), /件の経路/);
    }
    await settled(page);
    await h.shot('results');

    // sort by cost: the first row is the cheapest
    await page.getByTestId('sort-cost').click();
    const costs = await page.$$eval('[data-testid=itinerary-row]', (trs) => trs.map((tr) => Number(tr.children[2].textContent.replace(/[^0-9.]/g, ''))));
    assert.deepEqual(costs, [...costs].sort((a, b) => a - b));
    assert.match(page.url(), /sort=cost/);

    // choose the second row: highlighted in the table, thicker on the map, timeline shown
    const row = page.getByTestId('itinerary-row').nth(1);
    const rank = await row.getAttribute('data-rank');
    if (tag === 'ja') {
      await row.focus(); // by keyboard
      await row.press('Enter');
    } else {
      await row.click();
    }
    await page.getByTestId('timeline').waitFor();
    assert.equal(await row.getAttribute('aria-current'), 'true');
    assert.match(page.url(), new RegExp(`sel=${rank}`));
    const thick = await page.evaluate(() => {
      const pane = [...document.querySelectorAll('.leaflet-pane')].find((p) => p.style.zIndex === '500');
      return [...pane.querySelectorAll('path')].filter((p) => p.getAttribute('stroke-width') === '6').length;
    });
    assert.ok(thick >= 1, 'the chosen itinerary is drawn thicker');
    assert.match(await page.getByTestId('timeline').locator('h3').textContent(), o.timeline);
    const steps = await page.getByTestId('timeline-step').count();
    assert.ok(steps >= 4, `timeline has its steps (${steps})`);
    // local times: the first step is at Hakata on Japan's clock
    const firstWhen = await page.getByTestId('timeline-step').first().locator('time').first().textContent();
    assert.match(firstWhen, tag === 'ja' ? /JST|GMT\+9/ : /GMT\+9|JST/);
    await page.getByTestId('timeline').scrollIntoViewIfNeeded();
    await h.shot('timeline');

    // the chart: canvas drawn, switch to cost
    await page.getByTestId('chart-open').click();
    await chartDrawn(page);
    await page.getByTestId('chart-usd').click();
    await chartDrawn(page);
    assert.match(page.url(), /chart=usd/);
    await page.getByTestId('chart').scrollIntoViewIfNeeded();
    await h.shot('chart');

    // reload the URL: the same result, sort, selection and chart
    const url = page.url();
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    await page.getByTestId('itinerary-row').first().waitFor();
    assert.equal(page.url(), url);
    assert.equal(await page.getByTestId('itinerary-row').count(), rows);
    assert.equal(await page.locator(`[data-testid=itinerary-row][data-rank="${rank}"]`).getAttribute('aria-current'), 'true');
    await page.getByTestId('timeline').waitFor();
    await chartDrawn(page);
    await assertResult(h);
    await page.getByTestId('results').scrollIntoViewIfNeeded();
    await settled(page);
    await h.shot('reloaded');

    // Book hands the itinerary's routing reference to the bookings view
    await page.locator(`[data-testid=itinerary-row][data-rank="${rank}"] [data-testid=book]`).click();
    await page.getByTestId('view-bookings').waitFor();
    const ref = new URL(page.url()).searchParams.get('ref');
    assert.match(ref ?? '', /^lb1\./);
    await page.goBack();
    await page.getByTestId('itinerary-row').first().waitFor();

    if (tag === 'en') {
      // a window of 7 days: what leaving on each day gives
      await page.getByTestId('window').selectOption('7');
      await page.getByTestId('search-submit').click();
      await page.getByTestId('day-row').first().waitFor();
      const days = await page.getByTestId('day-row').count();
      assert.ok(days >= 3, `several departure days (${days})`);
      await page.getByTestId('days').scrollIntoViewIfNeeded();
      await settled(page);
      await h.shot('which-day');
      // one day: only the itineraries leaving that day
      const dayCount = Number(await page.getByTestId('day-row').nth(1).locator('td').nth(1).textContent());
      await page.getByTestId('day-row').nth(1).getByRole('button').click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid=itinerary-row]').length === n, dayCount);
      assert.match(page.url(), /day=\d{4}-\d{2}-\d{2}/);

      // avoid Suez (a chip): the URL carries it and no itinerary passes it
      await page.getByTestId('window').selectOption('0');
      await page.getByTestId('avoid').locator('summary').click();
      await page.getByTestId('avoid-suez').click();
      assert.equal(await page.getByTestId('avoid-suez').getAttribute('aria-pressed'), 'true');
      await page.getByTestId('search-submit').click();
      await page.waitForURL(/avoid=suez/);
      await page.getByTestId('itinerary-row').first().waitFor();
      const texts = await page.getByTestId('itinerary-row').allTextContents();
      assert.ok(texts.length >= 1 && texts.every((x) => !/Suez/.test(x)), texts.join('\n'));
      await page.getByTestId('avoid-suez').click(); // off again
      assert.deepEqual(h.consoleErrors, []);

      // an avoid item the server does not know: its message at the avoid field
      await page.locator('#avoid-other').fill('ZZ');
      await page.locator('#avoid-other').press('Enter');
      await page.getByTestId('search-submit').click();
      await page.getByTestId('error-avoid').waitFor();
      assert.match(await page.getByTestId('error-avoid').textContent(), /country ZZ/);
      await page.getByTestId('avoid').scrollIntoViewIfNeeded();
      await h.shot('avoid-error');
      await page.getByTestId('avoid-ZZ').click(); // remove it

      // an unknown place: the server's message under From. The browser logs each 400 answer as
      // a failed resource; those lines, and only they, are expected here.
      await page.getByTestId('place-from').fill('Xqzzyville');
      await page.getByTestId('search-submit').click();
      const err = page.locator('#s-from-error');
      await err.waitFor();
      assert.match(await err.textContent(), /unknown location/);
      assert.equal(await page.getByTestId('place-from').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.getByTestId('problem').count(), 0, 'the message is at the field, not in a box');
      await page.getByTestId('place-from').scrollIntoViewIfNeeded();
      await h.shot('unknown-place');
      assert.ok(h.consoleErrors.every((e) => /status of 400/.test(e)), h.consoleErrors.join('\n'));
      h.consoleErrors.length = 0;
    }
    assert.deepEqual(h.consoleErrors, []);
  });
}

test('phone: the result at 390x844', async (t) => {
  const h = await start('search-phone', { viewport: { width: 390, height: 844 } });
  t.after(() => h.stop());
  await h.open(`?view=search&from=JPHKT&to=DEDUI&depart=${DEPART}&sel=2`);
  await h.page.getByTestId('itinerary-row').first().waitFor();
  await assertResult(h);
  const overflow = await h.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow} px)`);
  await h.page.getByTestId('map').scrollIntoViewIfNeeded();
  await settled(h.page);
  await h.shot('phone-map');
  await h.page.getByTestId('results').scrollIntoViewIfNeeded();
  await h.shot('phone-results');
  await h.page.getByTestId('timeline').scrollIntoViewIfNeeded();
  await h.shot('phone-timeline');
  assert.deepEqual(h.consoleErrors, []);
});
