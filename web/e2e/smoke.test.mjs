// The page loads from `landbridge serve`, draws the map and switches views without a console
// error; prints how long it took to become interactive (issue 9, item 9: printed, not asserted).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './harness.mjs';

let h;
before(async () => (h = await start('smoke')));
after(async () => h && (await h.stop()));

test('the page is served at / and becomes interactive', async () => {
  const ms = await h.open();
  const ready = await h.page.evaluate(() => window.__landbridgeReady);
  console.log(`page interactive: ${ms} ms from navigation (app ready ${Math.round(ready)} ms after script start)`);
  await h.page.locator('.leaflet-container').waitFor();
  await h.page.locator('path.leaflet-interactive').first().waitFor(); // the network is drawn
  await h.shot('home');
  for (const v of ['network', 'search', 'bookings', 'track', 'operator', 'simulate']) {
    await h.page.getByTestId(`nav-${v}`).click();
    await h.page.getByTestId(`view-${v}`).waitFor();
  }
  assert.deepEqual(h.consoleErrors, []);
});
