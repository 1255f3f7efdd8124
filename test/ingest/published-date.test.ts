import { describe, expect, it } from 'vitest';
import { findPublishedDate, parseDateLine, toIsoDate } from '../../src/ingest/index.js';
import { AR } from './helpers.js';

describe('parseDateLine', () => {
  it.each([
    ['07 أغسطس، 2024', '2024-08-07'],
    ['7 أغسطس 2024', '2024-08-07'],
    ['7 اغسطس 2024', '2024-08-07'],
    ['الأربعاء 7 أغسطس 2024', '2024-08-07'],
    ['الأربعاء، 7 أغسطس 2024 - 10:35 ص', '2024-08-07'],
    ['٧ أغسطس ٢٠٢٤', '2024-08-07'],
    ['2024/08/07', '2024-08-07'],
    ['07-08-2024', '2024-08-07'],
    ['نشر في: 07-08-2024 10:30', '2024-08-07'],
    ['15 يونيه 2023', '2023-06-15'],
    // Levant / Iraq
    ['3 تشرين الأول 2023', '2023-10-03'],
    ['السبت 12 كانون الثاني 2019', '2019-01-12'],
    ['7 آب/أغسطس 2024', '2024-08-07'],
    ['1 أيار 2022', '2022-05-01'],
    // Maghreb
    ['21 جويلية 2024', '2024-07-21'],
    ['5 أوت 2024', '2024-08-05'],
    ['14 فيفري 2020', '2020-02-14'],
    ['9 غشت 2024', '2024-08-09'],
    // French, English
    ['7 août 2024', '2024-08-07'],
    ['Publié le 1er janvier 2024', '2024-01-01'],
    ['August 7, 2024', '2024-08-07'],
    ['القاهرة – 7 أغسطس 2024', '2024-08-07'],
    ['آخر تحديث: 2024-08-07 10:15', '2024-08-07'],
  ])('%s → %s', (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });

  it.each([
    ['31 فبراير 2024'],
    ['30 شباط 2023'],
    ['2023/02/29'],
    ['قررت الحكومة الأحد 4 أغسطس 2024 تمديد حالة الطوارئ في البلاد'],
    ['وصلت البعثة يوم 7 أغسطس 2024 إلى العاصمة'],
    ['ليس في هذا السطر تاريخ'],
  ])('rejects %s', (line) => {
    expect(parseDateLine(line)).toBeNull();
  });
});

describe('findPublishedDate', () => {
  it('finds the date line under the headline', () => {
    const text = `انهيار جسر قديم فوق القناة\n\n07 أغسطس، 2024\n\n${AR.sentence}\n\n${AR.second}`;
    expect(findPublishedDate(text)).toBe('2024-08-07');
  });

  it('does not take an event date from a body sentence', () => {
    const text = `انهيار جسر قديم\n\nقررت الحكومة الأحد 4 أغسطس 2024 إغلاق الجسر أمام السيارات. ${AR.sentence}\n\n${AR.second}`;
    expect(findPublishedDate(text)).toBeNull();
  });

  it('falls back to a date line at the end', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `${AR.sentence} (${i})`);
    const text = `${lines.join('\n\n')}\n\n12 نيسان 2021`;
    expect(findPublishedDate(text)).toBe('2021-04-12');
  });

  it('ignores a date line deep in the middle', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `${AR.sentence} (${i})`);
    lines.splice(20, 0, '12 نيسان 2021');
    expect(findPublishedDate(lines.join('\n'))).toBeNull();
  });
});

describe('toIsoDate (metadata)', () => {
  it('keeps the calendar date as written, not shifted to UTC', () => {
    expect(toIsoDate('2024-08-07T23:30:00+03:00')).toBe('2024-08-07');
    expect(toIsoDate('2024-08-07T01:00:00-05:00')).toBe('2024-08-07');
    expect(toIsoDate('Wed, 07 Aug 2024 23:59:00 +0300')).toBe('2024-08-07');
    expect(toIsoDate('20240807')).toBe('2024-08-07');
    expect(toIsoDate('2024-02-30')).toBeNull();
    expect(toIsoDate('not a date')).toBeNull();
  });
});
