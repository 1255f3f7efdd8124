import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { format, type LabelKey, type Lang, STRINGS, vocab } from './strings';

interface LangApi {
  lang: Lang;
  setLang(lang: Lang): void;
  /** A UI label, with `{name}` placeholders filled. */
  t(key: LabelKey, vars?: Record<string, string | number>): string;
  /** A vocabulary label: v('event', 'armed_clash'). */
  v(prefix: string, value: string | null | undefined): string;
}

const STORAGE_KEY = 'marsad.lang';
const LangContext = createContext<LangApi | null>(null);

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ar';
  } catch {
    return 'ar';
  }
}

export function LangProvider({ children }: { children: ComponentChildren }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  // The chrome follows the UI language; article text keeps lang="ar" dir="rtl" on its own element.
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  const api = useMemo<LangApi>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => (vars ? format(STRINGS[lang][key], vars) : STRINGS[lang][key]),
      v: (prefix, value) => vocab(lang, prefix, value),
    }),
    [lang, setLang],
  );
  return <LangContext.Provider value={api}>{children}</LangContext.Provider>;
}

export function useLang(): LangApi {
  const api = useContext(LangContext);
  if (!api) throw new Error('useLang outside LangProvider');
  return api;
}
