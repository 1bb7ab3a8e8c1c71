import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type TimeZoneChoice, useTimeZone } from '../lib/time-zone';
import { en, type MessageKey } from './messages';

export type Language = 'en' | 'zh-CN';

type Catalogue = Record<MessageKey, string>;

/** English is in the entry chunk; Chinese is fetched the first time it is needed. */
let chinese: Catalogue | undefined;
async function catalogueOf(language: Language): Promise<Catalogue> {
  if (language === 'en') return en;
  chinese ??= (await import('./messages.zh')).zh;
  return chinese;
}
const loadedCatalogue = (language: Language): Catalogue | undefined => (language === 'en' ? en : chinese);
const STORAGE_KEY = 'console.language';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  language: Language;
  /** BCP 47 locale for dates and numbers. */
  locale: string;
  setLanguage(language: Language): void;
  t: Translate;
  /**
   * The zone times are shown in (the local / UTC switch). Carried here so that every component that
   * formats a time, which all read this context, renders again when the operator switches.
   */
  timeZone: TimeZoneChoice;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'zh-CN') return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function interpolate(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const [catalogue, setCatalogue] = useState<Catalogue | undefined>(() => loadedCatalogue(language));
  const [timeZone] = useTimeZone();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => {
    if (catalogue) return;
    // Only a console that starts in Chinese waits here; a switch loads first (below).
    let current = true;
    void catalogueOf(language).then((loaded) => {
      if (current) setCatalogue(loaded);
    });
    return () => {
      current = false;
    };
  }, [catalogue, language]);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    // The page stays in the current language until the other one is there: no blank, no lost state.
    void catalogueOf(next).then((loaded) => {
      setCatalogue(loaded);
      setLanguageState(next);
    });
  }, []);
  const value = useMemo<I18n | undefined>(() => {
    if (!catalogue) return undefined;
    return {
      language,
      locale: language === 'zh-CN' ? 'zh-CN' : 'en-GB',
      setLanguage,
      t: (key, vars) => interpolate(catalogue[key], vars),
      timeZone,
    };
  }, [catalogue, language, setLanguage, timeZone]);
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
