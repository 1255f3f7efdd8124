// A cheap script-based language guess: Marsad reads Arabic first, French and English second.
// Counting letters is enough to tell these apart; a finer model is not needed to route a document.

const FRENCH_HINTS = /\b(le|la|les|des|du|une|est|dans|pour|avec|qui|sur|au|aux)\b/gi;
const ENGLISH_HINTS = /\b(the|and|of|to|is|in|that|for|with|on|was|by)\b/gi;

export function guessLanguage(text: string): string {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3)) arabic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x17f)) latin++;
  }
  if (arabic === 0 && latin === 0) return 'und';
  if (arabic >= latin) return 'ar';
  const fr = sample.match(FRENCH_HINTS)?.length ?? 0;
  const en = sample.match(ENGLISH_HINTS)?.length ?? 0;
  return fr > en ? 'fr' : 'en';
}
