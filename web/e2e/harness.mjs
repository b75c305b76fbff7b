// The end-to-end harness: a real `landbridge serve` on a fresh SQLite database in the test's own
// folder, API keys made with `landbridge keys add`, and Debian's Chromium driven by
// playwright-core. Each test file calls start() once and stop() at the end; nothing is shared
// between test files. Screenshots go to web/e2e/out/<test>/ (docs/web.md says which are kept
// under docs/img/).
//
// Environment: LANDBRIDGE_BIN (default ../build/apps/landbridge/landbridge), CHROMIUM
// (default /usr/bin/chromium), LANDBRIDGE_WEB_DIST (default web/dist), E2E_HEADED=1.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const webDir = resolve(here, '..');
export const repoDir = resolve(webDir, '..');
const bin = process.env.LANDBRIDGE_BIN || join(repoDir, 'build/apps/landbridge/landbridge');
const dist = process.env.LANDBRIDGE_WEB_DIST || join(webDir, 'dist');
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';

// Flags for a root user in a closed network (no sandbox, no background connections).
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--lang=en-GB',
];

function addKey(db, role, party) {
  const out = execFileSync(bin, ['keys', 'add', '--role', role, '--party', party, '--db', db], { encoding: 'utf8' });
  const token = out.trim().split(/\s+/).find((w) => w.startsWith('lb_'));
  if (!token) throw new Error(`keys add printed no token: ${out}`);
  return token;
}

function waitForListening(proc) {
  return new Promise((ok, fail) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error(`landbridge serve did not start in 60 s:\n${seen}`)), 60_000);
    const onData = (d) => {
      seen += d.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => fail(new Error(`landbridge serve exited with ${code}:\n${seen}`)));
  });
}

// name: the test's name (its folder and screenshot folder). Options: locale ('en-GB', 'ja-JP'),
// viewport ({width, height}).
export async function start(name, { locale = 'en-GB', viewport = { width: 1280, height: 800 } } = {}) {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`no built page in ${dist}: run npm run build in web/`);
  const dir = mkdtempSync(join(tmpdir(), `lb-e2e-${name}-`));
  const db = `sqlite:${join(dir, 'landbridge.db')}`;
  const keys = { shipper: addKey(db, 'shipper', 'Hakata Forwarding'), operator: addKey(db, 'operator', 'KTZE Lianyungang Terminal') };
  const server = spawn(bin, ['serve', '--db', db, '--port', '0', '--web', dist, '--access-log', join(dir, 'access.jsonl')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForListening(server);
  const browser = await chromium.launch({ executablePath: browserPath, headless: !process.env.E2E_HEADED, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport, locale, timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  const shots = join(webDir, 'e2e/out', name);
  mkdirSync(shots, { recursive: true });
  let n = 0;
  return {
    url, keys, page, context, browser, dir, consoleErrors,
    // Saves a numbered full-page screenshot: e2e/out/<name>/NN-<step>.png
    async shot(step) {
      const file = join(shots, `${String(++n).padStart(2, '0')}-${step}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    // Opens the page at `query` ("?view=search&...") and waits until the app says it is ready;
    // returns the milliseconds from navigation to ready.
    async open(query = '') {
      const t0 = Date.now();
      await page.goto(url + '/' + query);
      await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
      return Date.now() - t0;
    },
    async signIn(role = 'shipper') {
      await page.getByTestId('signin-open').click();
      await page.locator('#api-key').fill(keys[role]);
      await page.locator('#api-key').press('Enter');
      await page.getByTestId('signed-in').waitFor();
    },
    async stop() {
      await browser.close().catch(() => undefined);
      server.kill('SIGTERM');
      await new Promise((r) => (server.exitCode !== null ? r() : server.on('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
