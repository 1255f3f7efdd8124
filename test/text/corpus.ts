// A synthetic Arabic news text for throughput measurements: sentences assembled from a small
// vocabulary written for these tests (with harakat, clitics, digits, punctuation and quotes).
const WORDS = [
  'وقالَ',
  'المتحدث',
  'باسم',
  'الجيش',
  'إنّ',
  'القوات',
  'سيطرت',
  'على',
  'مدينة',
  'كيدال',
  'بعد',
  'اشتباكات',
  'مع',
  'المُتمرّدين',
  'وفاغنر',
  'في',
  'شمال',
  'مالي',
  'وأضاف',
  'أن',
  'الحكومة',
  'ستعقد',
  'اجتماعا',
  'للمتمردين',
  'بالعاصمة',
  'ولم',
  'يتضح',
  'عدد',
  'الضحايا',
  'الذين',
  'سقطوا',
  'خلال',
  'الأيام',
  'الماضية',
  'وزارة',
  'الخارجية',
  'أعلنت',
  'لبنان',
  'وليبيا',
  'الانتخابات',
];
const TAILS = ['.', '،', '؛', '؟', ' ٣٫٥ بالمئة.', ' 1,500 شخص.', ' «نعم».', ' (الأحد).'];

export function syntheticNews(chars: number): string {
  let seed = 1;
  const rand = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const parts: string[] = [];
  let size = 0;
  while (size < chars) {
    const len = 6 + rand(14);
    const words: string[] = [];
    for (let i = 0; i < len; i++) words.push(WORDS[rand(WORDS.length)]!);
    const sentence = `${words.join(' ')}${TAILS[rand(TAILS.length)]}${rand(5) === 0 ? '\n\n' : ' '}`;
    parts.push(sentence);
    size += sentence.length;
  }
  return parts.join('');
}
