import { useCallback, useEffect, useState } from 'react';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import enForm from '../i18n/en/form';
import enLink from '../i18n/en/link';
import enErrors from '../i18n/en/errors';
import frForm from '../i18n/fr/form';
import frLink from '../i18n/fr/link';
import frErrors from '../i18n/fr/errors';

/**
 * The public page's translator: the console's own message files (`i18n/<lang>/form.ts`, `link.ts`, `errors.ts`)
 * read by the same polyglot provider as the console. ra-i18n-polyglot needs only node-polyglot at run time, so the
 * page still loads no react-admin code.
 */
export type FormLocale = 'en' | 'fr';
const MESSAGES = { en: { ...enForm, ...enLink, ...enErrors }, fr: { ...frForm, ...frLink, ...frErrors } };
const LOCALE_KEY = 'recovery-desk.form.locale';

function initialLocale(): FormLocale {
  try {
    const saved = localStorage.getItem(LOCALE_KEY);
    if (saved === 'en' || saved === 'fr') return saved;
  } catch {
    // Storage refused (private mode): follow the browser.
  }
  return navigator.language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

// A missing key comes back as itself: callers test for that to fall back (`what.<action>`).
// The page shows no react-admin screen, so it carries none of the `ra.*` messages the type asks for.
const provider = (locale: FormLocale) =>
  polyglotI18nProvider(() => MESSAGES[locale] as unknown as TranslationMessages, locale, { allowMissing: true });
const providers = { en: provider('en'), fr: provider('fr') };

/** The texts under one namespace (`form`, `link`), in a language: `%{name}` and `a |||| b` as in the console. */
export function translator(locale: FormLocale, namespace: 'form' | 'link' = 'form'): Translate {
  return (key, values) => {
    const text = providers[locale].translate(`${namespace}.${key}`, values);
    return text.startsWith(`${namespace}.`) ? text.slice(namespace.length + 1) : text;
  };
}

/** The page's language: the browser's, until the visitor switches; kept in `<html lang>`. */
export function useFormLocale(): { locale: FormLocale; setLocale(locale: FormLocale): void; t: Translate } {
  const [locale, setLocaleState] = useState<FormLocale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${MESSAGES[locale].form.page_title} — ${MESSAGES[locale].form.brand}`;
  }, [locale]);
  const setLocale = useCallback((next: FormLocale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(LOCALE_KEY, next);
    } catch {
      // Not kept across visits; fine.
    }
  }, []);
  return { locale, setLocale, t: translator(locale) };
}
