/**
 * Demonstratives, folded as normalizeForMatch folds them: before a noun they point back to
 * something already reported («تلك الهجمات», «هذه الاتهامات»).
 */
export const DEMONSTRATIVES: ReadonlySet<string> = new Set([
  'هذه',
  'هذا',
  'تلك',
  'ذلك',
  'هذين',
  'هاتين',
  'هؤلاء',
  'اولئك',
]);
