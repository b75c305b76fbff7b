// ISO 6346 container numbers: owner code (3 letters), category (U, J or Z), a 6-digit serial and
// a check digit. The check digit is the sum of each of the first ten characters' values times
// 2^position, modulo 11 (10 counts as 0). Letters are worth 10..38, skipping 11, 22 and 33.
// The server checks the same; checking here tells the shipper before the form is sent.

export type ContainerCheck =
  | { ok: true; number: string }
  | { ok: false; reason: 'format'; number: string }
  | { ok: false; reason: 'checkDigit'; number: string; expected: number };

function letterValue(c: string): number {
  let v = 10;
  for (let code = 'A'.charCodeAt(0); code < c.charCodeAt(0); ++code) {
    v += 1;
    if (v % 11 === 0) v += 1;
  }
  return v;
}

function charValue(c: string): number {
  return c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : letterValue(c);
}

// The check digit of the first ten characters ("CSQU305438" → 3).
export function checkDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; ++i) sum += charValue(first10[i]) * 2 ** i;
  return (sum % 11) % 10;
}

// Spaces and dashes are allowed in typing ("CSQU 305438-3") and taken out; letters upper-cased.
export function normaliseContainer(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}

export function checkContainer(text: string): ContainerCheck {
  const number = normaliseContainer(text);
  if (!/^[A-Z]{3}[UJZ][0-9]{7}$/.test(number)) return { ok: false, reason: 'format', number };
  const expected = checkDigit(number.slice(0, 10));
  if (Number(number[10]) !== expected) return { ok: false, reason: 'checkDigit', number, expected };
  return { ok: true, number };
}

// The shipper's own numbers, one per line or separated by commas or semicolons; blanks dropped.
export function splitContainers(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
