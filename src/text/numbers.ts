// Numbers as Arabic news writes them: ASCII «3300», Arabic-Indic «٣٣٠٠», Persian «۳۳۰۰», with the
// Arabic decimal separator ٫ («٧٫٩ مليارات») and thousands separator ٬ («١٬٥٠٠»), or with ASCII
// «7.9» and «1,500».

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits → ASCII. Same length, so offsets stay valid. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const c = d.charCodeAt(0);
    return String.fromCharCode(0x30 + (c >= 0x06f0 ? c - 0x06f0 : c - 0x0660));
  });
}

/** A decimal digit of any of the three digit sets. */
export function isDigitCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

/** Characters that may sit between two digits inside one number token. */
export function isNumberSeparatorCode(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x066b || c === 0x066c;
}

const NUMERIC = /^[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,\u066B\u066C][0-9\u0660-\u0669\u06F0-\u06F9]+)*$/;

/** True for a whole numeric token: «2014», «٣٫٥», «1,500», «١٬٥٠٠٫٧٥». */
export function isNumeric(s: string): boolean {
  return NUMERIC.test(s);
}

/**
 * The value of a numeric token, or null. ٫ is always decimal and ٬ always thousands. With ASCII
 * separators, «1,500» and «1,500,000» are thousands, «1.5» is decimal, and a lone comma that is
 * not followed by exactly three digits is decimal: «3,5» is 3.5 (a common Arabic usage).
 */
export function parseNumber(s: string): number | null {
  if (!isNumeric(s)) return null;
  let t = toAsciiDigits(s).replaceAll('\u066C', '').replaceAll('\u066B', '.');
  if (t.includes(',')) {
    const groups = t.split('.')[0]!.split(',');
    const thousands = groups.slice(1).every((g) => g.length === 3) && groups[0]!.length <= 3;
    if (thousands) t = t.replaceAll(',', '');
    else if (groups.length === 2 && !t.includes('.')) t = t.replace(',', '.');
    else return null;
  }
  if ((t.match(/\./g) ?? []).length > 1) return null; // «12.08.2014» is a date, not a number
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}
