import { describe, expect, it } from 'vitest';
import { removeBoilerplate } from '../../src/ingest/index.js';
import { AR } from './helpers.js';

const HEADLINE = 'انهيار جسر قديم فوق القناة';

describe('removeBoilerplate', () => {
  it('drops a heading + bullet list of headlines at the top, keeps the headline', () => {
    const text = [
      'أخبار المركز',
      '• افتتاح معرض الكتاب في دورته الجديدة',
      '• فريق المدينة يفوز بالكأس بعد مباراة مثيرة',
      '• ارتفاع أسعار الخضار في الأسواق',
      '',
      HEADLINE,
      '',
      AR.sentence,
      '',
      AR.second,
    ].join('\n');
    const r = removeBoilerplate(text);
    expect(r.body).toBe([HEADLINE, '', AR.sentence, '', AR.second].join('\n'));
    expect(r.removed).toHaveLength(4);
  });

  it('drops a bare bullet list at the very start', () => {
    const text = ['- عنوان خبر أول قصير', '- عنوان خبر ثان قصير', '', HEADLINE, '', AR.sentence].join('\n');
    expect(removeBoilerplate(text).body).toBe([HEADLINE, '', AR.sentence].join('\n'));
  });

  it('drops a trailing "اقرأ أيضاً:" and the list after it', () => {
    const text = [
      HEADLINE,
      '',
      AR.sentence,
      '',
      AR.second,
      '',
      'اقرأ أيضاً:',
      '1. الحكومة تعلن خطة لصيانة الطرق',
      '2. أمطار غزيرة تغرق شوارع المدينة',
    ].join('\n');
    const r = removeBoilerplate(text);
    expect(r.body).toBe([HEADLINE, '', AR.sentence, '', AR.second].join('\n'));
    expect(r.removed[0]).toBe('اقرأ أيضاً:');
  });

  it('drops a trailing teaser line with un-bulleted headlines after it', () => {
    const text = [
      AR.sentence,
      '',
      AR.second,
      '',
      'اقرأ أيضا: الحكومة تعلن خطة لصيانة الطرق',
      'أمطار غزيرة تغرق شوارع المدينة',
    ].join('\n');
    expect(removeBoilerplate(text).body).toBe([AR.sentence, '', AR.second].join('\n'));
  });

  it('drops share/navigation lines', () => {
    const text = [
      'الرئيسية › أخبار › محليات',
      HEADLINE,
      'شارك',
      'تويتر | فيسبوك | واتساب',
      AR.sentence,
      'طباعة',
    ].join('\n');
    expect(removeBoilerplate(text).body).toBe([HEADLINE, AR.sentence].join('\n'));
  });

  it('keeps a list in the middle of the article', () => {
    const text = [
      HEADLINE,
      '',
      AR.sentence,
      '',
      '- إغلاق الجسر أمام الشاحنات',
      '- فتح طريق بديل شرق المدينة',
      '- تعويض أصحاب المحال المتضررة',
      '',
      AR.second,
    ].join('\n');
    const r = removeBoilerplate(text);
    expect(r.body).toBe(text);
    expect(r.removed).toEqual([]);
  });

  it('keeps a closing list introduced by a sentence ending in ":"', () => {
    const text = [
      AR.sentence,
      '',
      'وتضمنت الإجراءات التي أعلنها المحافظ ما يلي:',
      '- إغلاق الجسر',
      '- فتح طريق بديل',
    ].join('\n');
    expect(removeBoilerplate(text).body).toBe(text);
  });

  it('keeps ordinary paragraphs and never empties a text', () => {
    const text = `${HEADLINE}\n\n${AR.sentence}\n\n${AR.second}`;
    expect(removeBoilerplate(text)).toEqual({ body: text, removed: [] });
    expect(removeBoilerplate('شارك').body).toBe('شارك');
  });
});

describe('a pasted page end to end', () => {
  it('chrome, link lists and share lines go; headline, date line and article stay', async () => {
    const { readArticleFromString } = await import('../../src/ingest/index.js');
    const pasted = [
      'الرئيسية',
      'الأكثر قراءة',
      '● الحكومة تعلن خطة لصيانة الطرق',
      '● أمطار غزيرة تغرق شوارع المدينة',
      '',
      HEADLINE,
      '07 أغسطس، 2024',
      'شارك',
      '',
      AR.sentence,
      '',
      'وتشمل الإجراءات:',
      '- إغلاق الجسر أمام الشاحنات',
      '- فتح طريق بديل',
      '',
      AR.second,
      '',
      'مواضيع ذات صلة',
      '▪ افتتاح معرض الكتاب في دورته الجديدة',
      '▪ ارتفاع أسعار الخضار في الأسواق',
      'فيسبوك تويتر واتساب',
    ].join('\n');
    const a = readArticleFromString(pasted, { source: 'paste.txt' });
    expect(a.body).toBe(
      [
        HEADLINE,
        '07 أغسطس، 2024',
        '',
        AR.sentence,
        '',
        'وتشمل الإجراءات:',
        '- إغلاق الجسر أمام الشاحنات',
        '- فتح طريق بديل',
        '',
        AR.second,
      ].join('\n'),
    );
    expect(a.published).toBe('2024-08-07');
    expect(a.title).toBeNull();
    expect(a.warnings.join()).toMatch(/boilerplate removed: 9/);
  });
});
