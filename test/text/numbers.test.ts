import { describe, expect, it } from 'vitest';
import { isNumeric, parseNumber, toAsciiDigits } from '../../src/text/index.js';

describe('numbers', () => {
  it('converts Arabic-Indic and Persian digits, keeping length', () => {
    expect(toAsciiDigits('عام ٢٠٢٤ و۱۴۰۳')).toBe('عام 2024 و1403');
  });

  it('recognises numeric tokens with Arabic and ASCII separators', () => {
    for (const s of ['2014', '٣٫٥', '١٬٥٠٠', '1,500', '7.9', '۱۲']) expect(isNumeric(s)).toBe(true);
    for (const s of ['3.', '.5', 'ثلاثة', '3a']) expect(isNumeric(s)).toBe(false);
  });

  it('parses values: ٫ decimal, ٬ thousands, «3,5» as 3.5', () => {
    expect(parseNumber('٣٫٥')).toBe(3.5);
    expect(parseNumber('١٬٥٠٠٫٧٥')).toBe(1500.75);
    expect(parseNumber('1,500,000')).toBe(1500000);
    expect(parseNumber('3,5')).toBe(3.5);
    expect(parseNumber('10.9')).toBe(10.9);
    expect(parseNumber('12.08.2014')).toBeNull();
  });
});
