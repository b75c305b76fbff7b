import { describe, expect, it } from 'vitest';
import { checkContainer, checkDigit, normaliseContainer, splitContainers } from './iso6346';

describe('ISO 6346 check digit', () => {
  it('matches numbers the service issued and the standard example', () => {
    expect(checkDigit('CSQU305438')).toBe(3); // the standard's own example
    expect(checkDigit('LBUU118171')).toBe(2); // issued by landbridge serve
    expect(checkDigit('MSCU123456')).toBe(6); // the server's answer to a wrong digit
  });
  it('counts a remainder of 10 as 0 (the server agrees: TGHU000004 has check digit 0)', () => {
    expect(checkDigit('TGHU000004')).toBe(0);
    expect(checkContainer('TGHU0000040').ok).toBe(true);
  });
});

describe('checkContainer', () => {
  it('accepts a valid number typed with spaces and lower case', () => {
    expect(checkContainer('csqu 305438-3')).toEqual({ ok: true, number: 'CSQU3054383' });
  });
  it('names the expected digit when the check digit is wrong', () => {
    expect(checkContainer('MSCU1234565')).toEqual({ ok: false, reason: 'checkDigit', number: 'MSCU1234565', expected: 6 });
  });
  it('refuses a wrong shape: category letter, length, digits', () => {
    expect(checkContainer('CSQX3054383')).toMatchObject({ ok: false, reason: 'format' });
    expect(checkContainer('CSQU305438')).toMatchObject({ ok: false, reason: 'format' });
    expect(checkContainer('CSQUA054383')).toMatchObject({ ok: false, reason: 'format' });
  });
});

describe('splitContainers', () => {
  it('splits on newlines, commas and semicolons and drops blanks', () => {
    expect(splitContainers('A1, B2\n\n C3;D4 ,')).toEqual(['A1', 'B2', 'C3', 'D4']);
    expect(normaliseContainer(' ab-c ')).toBe('ABC');
  });
});
