// What a temporal expression says, before it is anchored: the parse. Resolving it needs the
// publication date («أمس»), an explicit date nearby («في اليوم التالي»), or the date of the event
// it is measured from («بعد يومين من الهجوم»). Keeping the two apart lets an event stage resolve
// the same parse again on another anchor (resolveSpec).
import type { Part, Unit } from './lexicon.js';

export type Calendar = 'g' | 'h';
export type Direction = 'default' | 'past' | 'next' | 'this';

export type TimeSpec =
  /** Absolute or partly given: «4 أغسطس 2024», «يوليو 2024», «عام 2013», «5 يناير الماضي», «في مارس الماضي». */
  | {
      t: 'date';
      y?: number;
      m?: number;
      d?: number;
      cal: Calendar;
      dir?: Direction;
      yearOffset?: number;
      monthOffset?: number;
    }
  /** «أمس» -1, «اليوم» 0, «غداً» +1, «أول أمس» -2. */
  | { t: 'relDay'; offset: number }
  /** «السبت», «الأحد الماضي», «الجمعة المقبل», «الأسبوع الماضي يوم الأحد», «الأربعاء 27». */
  | { t: 'weekday'; wd: number; dir: Direction; weekOffset?: number; day?: number }
  /** «الأسبوع الماضي», «الشهر الجاري», «العام المقبل», «العام قبل الماضي». */
  | { t: 'unit'; unit: Unit; offset: number }
  /** Anaphoric: «في الشهر نفسه» (0), «في اليوم التالي» (+1) — measured from the previous date. */
  | { t: 'same'; unit: Unit; offset: number }
  /** «قبل يومين» (-2 days), «منذ ثلاثة أسابيع», «بعد يومين من الهجوم» (+2 from the event). */
  | { t: 'shift'; n: number; unit: Unit; dir: -1 | 1; from: 'anchor' | 'event' | 'previous' }
  /** «الأسابيع الثلاثة الماضية», «آخر 3 سنوات»: the last/next n units up to the anchor. */
  | { t: 'lastN'; n: number; unit: Unit; dir: -1 | 1 }
  /** «أواخر يوليو», «منتصف فبراير الماضي», «مطلع العام», «أواخر 2023». */
  | { t: 'part'; part: Part; of: TimeSpec }
  /** «من 4 إلى 22 يناير 2017», «بين 2014 و2018». */
  | { t: 'range'; from: TimeSpec; to: TimeSpec }
  /** «السبعينيات», «التسعينيات من القرن الماضي». */
  | { t: 'decade'; tens: number; century?: number }
  /** «الربع الثالث من عام 2016» (size 3), «النصف الأول من العام» (size 6). */
  | { t: 'quarter'; index: number; size: 3 | 6; of: TimeSpec }
  /** «لمدة ثلاثة أيام»: how long, not when. */
  | { t: 'duration'; n: number | null; unit: Unit }
  /** «مؤخراً», «خلال الأشهر الماضية»: no range worth giving. */
  | { t: 'vague' };
