// Booking and tracking in a real browser against a real `landbridge serve`: a shipper books a
// Hakata → Duisburg itinerary, sees it CONFIRMED in the list, follows one container (timeline
// and map path); an operator looks at a departure's load list and posts actual events for that
// container; the shipper sees them, then cancels the booking and sees it CANCELLED. Screenshots
// of each step at 1280×800 and one on a phone (390×844) go to e2e/out/booking/.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './harness.mjs';

let h;
before(async () => (h = await start('booking')));
after(async () => h && (await h.stop()));

const api = async (path, key) => {
  const res = await fetch(h.url + path, { headers: key ? { Authorization: `Bearer ${key}` } : {} });
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  return res.json();
};
// The wall-clock text "YYYY-MM-DDTHH:MM" of an instant at an IANA zone (what a datetime-local
// input takes); the form reads it at the place's zone.
function wallClock(instant, zone) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(instant));
  const v = (t) => parts.find((p) => p.type === t).value;
  return `${v('year')}-${v('month')}-${v('day')}T${v('hour')}:${v('minute')}`;
}
async function signOut() {
  await h.page.getByTestId('signed-in').getByRole('button').click();
  await h.page.getByTestId('signin-open').waitFor();
}
// Lines drawn on the map's overlay pane (the views' overlays; the network has its own pane).
async function overlayPaths() {
  return h.page.evaluate(() => {
    const lines = [...document.querySelectorAll('.leaflet-overlay-pane path')];
    return { solid: lines.filter((p) => !p.getAttribute('stroke-dasharray')).length, dashed: lines.filter((p) => p.getAttribute('stroke-dasharray')).length };
  });
}

test('a shipper books, tracks and cancels; an operator reports the box', async () => {
  const page = h.page;
  const depart = new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10) + 'T08:00';
  const routes = await api(`/v1/routes?from=JPHKT&to=DEDUI&depart=${depart}&pareto=true`);
  assert.ok(routes.itineraries.length >= 1, 'an itinerary Hakata → Duisburg');
  const ref = routes.itineraries[0].routingReference;
  const net = await api('/v1/network.geojson');
  const zoneOf = (code) => net.features.find((f) => f.properties.code === code)?.properties.timezone || 'UTC';

  // 1. The chosen itinerary, before signing in: its summary, and a note that booking needs a key.
  await h.open(`?view=bookings&ref=${encodeURIComponent(ref)}`);
  await page.getByTestId('book-summary').waitFor();
  await page.getByTestId('book-signin').waitFor();
  await page.locator('.leaflet-overlay-pane path').first().waitFor();
  await h.shot('itinerary');

  // 2. Signed in as the shipper: the form. A wrong check digit is caught before sending.
  await h.signIn('shipper');
  await page.getByTestId('book-submit').waitFor();
  assert.match(await page.getByTestId('book-summary').innerText(), /Hakata \(Fukuoka\)[\s\S]*Duisburg/);
  await page.getByTestId('book-equipment').selectOption('42G1');
  await page.getByTestId('book-units').fill('2');
  await page.getByTestId('book-own').fill('MSCU1234565\nCSQU3054383');
  await page.getByTestId('book-submit').click();
  const ownError = page.locator('.field.has-error small.error');
  await ownError.waitFor();
  assert.match(await ownError.innerText(), /Line 1 \(MSCU1234565\).*should be 6/);
  await h.shot('book-form-check-digit');
  await page.getByTestId('book-own').fill('');
  await page.getByTestId('book-submit').click();

  // 3. Confirmed, with container numbers.
  await page.getByTestId('book-confirmed').waitFor();
  const bk = (await page.getByTestId('booking-reference').innerText()).trim();
  assert.match(bk, /^LB[A-Z0-9]+$/);
  assert.equal(await page.getByTestId('booking-detail').getByTestId('booking-status').getAttribute('data-status'), 'CONFIRMED');
  const boxes = await page.getByTestId('container-link').allInnerTexts();
  assert.equal(boxes.length, 2);
  assert.ok(boxes.every((b) => /^[A-Z]{4}\d{7}$/.test(b.trim())));
  assert.match(page.url(), new RegExp(`bk=${bk}`));
  await h.shot('booked');

  // 4. The list shows it CONFIRMED.
  const row = page.locator(`[data-testid="booking-row"][data-ref="${bk}"]`);
  await row.waitFor();
  assert.equal(await row.getByTestId('booking-status').getAttribute('data-status'), 'CONFIRMED');
  await page.getByTestId('booking-list').scrollIntoViewIfNeeded();
  await h.shot('list');

  // 5. Follow the first container: the planned journey as a timeline and a dashed path.
  const box = boxes[0].trim();
  await page.getByTestId('container-link').first().click();
  await page.getByTestId('track-timeline').waitFor();
  assert.match(page.url(), new RegExp(`view=track.*eq=${box}`));
  const planned = await page.locator('[data-testid="track-event"][data-state="planned"]').count();
  assert.ok(planned >= 6, `planned events on the timeline: ${planned}`);
  assert.match(await page.getByTestId('track-now').innerText(), /Not handed over/);
  await page.locator('.leaflet-overlay-pane path[stroke-dasharray]').first().waitFor();
  const before = await overlayPaths();
  assert.ok(before.dashed >= 2 && before.solid === 0, `map before: ${JSON.stringify(before)}`);
  await h.shot('track-planned');

  // The box's plan, as the service stores it: its gate-in and its first discharge.
  const events = await api(`/v2/events?equipmentReference=${box}&limit=500`, h.keys.shipper);
  const gtin = events.find((e) => e.eventClassifierCode === 'PLN' && e.equipmentEventTypeCode === 'GTIN');
  const disc = events.find((e) => e.eventClassifierCode === 'PLN' && e.equipmentEventTypeCode === 'DISC');
  assert.ok(gtin && disc, 'planned GTIN and DISC');

  // 6. The operator: the load list of a departure the booking holds, then two actual events.
  await signOut();
  await h.signIn('operator');
  await h.open(`?view=operator&eq=${box}&bk=${bk}`);
  const pick = page.getByTestId('load-list-pick');
  await pick.waitFor();
  const held = (await api(`/v2/bookings/${bk}`, h.keys.operator)).departures.map((d) => d.departure);
  await pick.locator(`option[value="${held[0]}"]`).waitFor({ state: 'attached' });
  await pick.selectOption(held[0]);
  assert.match(page.url(), new RegExp(`dep=${encodeURIComponent(held[0])}`));
  const lrow = page.locator('[data-testid="load-list-row"]', { hasText: bk });
  await lrow.waitFor();
  const booked = /(\d+) of (\d+) TEU booked/.exec(await page.getByTestId('load-list-teu').innerText());
  assert.ok(booked && Number(booked[1]) >= 4, "the booking's 4 TEU are on the load list");
  assert.match(await lrow.innerText(), /2 × 42G1\s+4\b/);

  const post = async (code, at, instant) => {
    await page.getByTestId('event-classifier-ACT').check();
    await page.getByTestId('event-code').selectOption(code);
    await page.getByTestId('event-container').fill(box);
    await page.getByTestId('event-location').fill(at);
    await page.getByTestId('event-time').fill(wallClock(instant, zoneOf(at)));
    await page.getByTestId('event-submit').click();
    await page.getByTestId('event-answer').waitFor();
    return page.getByTestId('event-answer').innerText();
  };
  const gtinAnswer = await post('GTIN', gtin.eventLocation.UNLocationCode, gtin.eventDateTime);
  assert.match(gtinAnswer, /Stored 1 event/);
  await page.getByTestId('event-no-replan').waitFor();
  // The discharge 6 hours late: the service re-plans the rest of the journey (or says why not).
  const late = new Date(Date.parse(disc.eventDateTime) + 6 * 3600_000).toISOString();
  const discAnswer = await post('DISC', disc.eventLocation.UNLocationCode, late);
  assert.match(discAnswer, /Stored 1 event/);
  await page.getByTestId('event-replan').first().waitFor();
  await h.shot('operator-event-and-load-list');

  // 7. The shipper sees the actual events: the first leg solid, the box marked where it is.
  await signOut();
  await h.signIn('shipper');
  await h.open('?view=track');
  await page.getByTestId('track-recent').getByText(box).waitFor(); // the boxes of its bookings, to click
  await page.getByTestId('track-input').fill(box.toLowerCase()); // or typed
  await page.getByTestId('track-input').press('Enter');
  await page.getByTestId('track-timeline').waitFor();
  assert.match(page.url(), new RegExp(`eq=${box}`));
  await page.locator('[data-testid="track-event"][data-code="GTIN"][data-state="done"]').waitFor();
  // (The late discharge re-planned the journey from its planned instant on, so the service keeps
  // no plan beside it: it shows as an actual event of its own.)
  await page.locator('[data-testid="track-event"][data-code="DISC"].done').first().waitFor();
  assert.match(await page.getByTestId('track-now').innerText(), new RegExp(`Discharged at ${disc.eventLocation.locationName.replace(/[()]/g, '.')}`));
  await page.locator('.leaflet-overlay-pane path:not([stroke-dasharray])').first().waitFor();
  const after = await overlayPaths();
  assert.ok(after.solid >= 1 && after.dashed >= 1, `map after: ${JSON.stringify(after)}`);
  assert.ok(await page.locator('.leaflet-tooltip', { hasText: box }).count() >= 1, 'the box is marked on the map');
  await h.shot('track-actual');

  // A phone: the same journey at 390×844.
  await page.setViewportSize({ width: 390, height: 844 });
  await h.open(`?view=track&eq=${box}`); // the shared link, opened on the phone
  await page.getByTestId('track-timeline').waitFor();
  // To the top of the page: the map, then the journey (main is a column-reverse scroller on a
  // phone, whose scroll offsets run negative towards the top).
  await page.evaluate(() => {
    const main = document.querySelector('main');
    if (main) main.scrollTop = -main.scrollHeight;
  });
  await page.locator('.leaflet-overlay-pane path').first().waitFor();
  await h.shot('phone-track');
  await page.setViewportSize({ width: 1280, height: 800 });

  // 8. Cancel, with the confirm step; the booking and the list say CANCELLED.
  await h.open(`?view=bookings&bk=${bk}`);
  if (/re-planned after/.test(discAnswer)) {
    // The slots moved to other departures: the booking says so beside its plan as booked.
    await page.getByTestId('booking-replanned').waitFor();
  }
  await page.getByTestId('booking-cancel').click();
  await page.getByTestId('booking-confirm').waitFor();
  await h.shot('cancel-confirm');
  // The confirming answer has the focus: Enter cancels (the keyboard is enough).
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'booking-confirm-yes');
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="booking-detail"] [data-testid="booking-status"][data-status="CANCELLED"]').waitFor();
  await page.locator(`[data-testid="booking-row"][data-ref="${bk}"] [data-status="CANCELLED"]`).waitFor();
  assert.equal(await page.getByTestId('booking-cancel').count(), 0, 'a cancelled booking offers no cancel');
  await h.shot('cancelled');

  assert.deepEqual(h.consoleErrors, []);
});

test('the server’s no: sold out, and an own container number already in use, shown where they belong', async () => {
  const page = h.page;
  const depart = new Date(Date.now() + 8 * 86400_000).toISOString().slice(0, 10) + 'T08:00';
  const { itineraries } = await api(`/v1/routes?from=JPHKT&to=DEDUI&depart=${depart}&pareto=true`);
  const ref = itineraries[itineraries.length - 1].routingReference;
  const book = async (units, own, equipment = '22G1') => {
    await h.open(`?view=bookings&ref=${encodeURIComponent(ref)}`);
    await page.getByTestId('book-submit').waitFor();
    await page.getByTestId('book-equipment').selectOption(equipment);
    await page.getByTestId('book-units').fill(String(units));
    await page.getByTestId('book-own').fill(own);
    await page.getByTestId('book-submit').click();
  };
  // More than any departure sells (500 × 40' = 1,000 TEU): 409 sold-out, stored as REJECTED.
  await book(500, '', '45G1');
  await page.getByTestId('book-sold-out').waitFor();
  assert.match(await page.getByTestId('book-sold-out').innerText(), /Sold out[\s\S]*sold out: departure \S+@\S+ has \d+ TEU free, the booking needs 1000/);
  await h.shot('sold-out');
  // One's own number is booked once; the second booking naming it is refused at that line.
  await book(1, 'CSQU 305438-3');
  await page.getByTestId('book-confirmed').waitFor();
  await book(1, 'CSQU3054383');
  const err = page.locator('.field.has-error small.error');
  await err.waitFor();
  assert.match(await err.innerText(), /Line 1: CSQU3054383 is already on another booking/);
  await h.shot('own-number-in-use');
  // The browser logs each refused request; nothing else may be logged.
  const others = h.consoleErrors.filter((m) => !/Failed to load resource: the server responded with a status of 409/.test(m));
  assert.deepEqual(others, []);
  assert.equal(h.consoleErrors.length, 2, h.consoleErrors.join('\n'));
});
