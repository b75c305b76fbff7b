// Prints the size of the built JavaScript and CSS, raw and gzipped (issue: the built
// JavaScript's size is printed by the build).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = new URL('../dist/assets/', import.meta.url).pathname;
let total = 0, totalGz = 0;
const rows = [];
for (const name of readdirSync(dir).sort()) {
  if (!/\.(js|css)$/.test(name)) continue;
  const buf = readFileSync(join(dir, name));
  const gz = gzipSync(buf, { level: 9 }).length;
  if (name.endsWith('.js')) { total += buf.length; totalGz += gz; }
  rows.push(`${name.padEnd(44)} ${(statSync(join(dir, name)).size / 1024).toFixed(1).padStart(8)} KiB  ${(gz / 1024).toFixed(1).padStart(7)} KiB gzip`);
}
console.log(rows.join('\n'));
console.log(`JavaScript total: ${(total / 1024).toFixed(1)} KiB, ${(totalGz / 1024).toFixed(1)} KiB gzipped`);
