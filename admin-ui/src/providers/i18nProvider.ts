import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import { store } from './store';

// One chunk per language, loaded on demand: the console downloads only the language it shows (the other one when
// the app bar's switcher asks for it). `loadI18n()` must resolve before the first render (see main.tsx).
const loaders = {
  en: () => import('../i18n/en/index').then((m) => m.en),
  fr: () => import('../i18n/fr/index').then((m) => m.fr),
} as const;
type SupportedLocale = keyof typeof loaders;
const LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'fr', name: 'Français' },
];

const isSupported = (locale: unknown): locale is SupportedLocale => typeof locale === 'string' && locale in loaders;

export const browserLocale = (): SupportedLocale =>
  typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';

// The store holds the language chosen with the app bar's switcher; without one, follow the browser.
const savedLocale = store.getItem<string>('locale');
const initialLocale: SupportedLocale = isSupported(savedLocale) ? savedLocale : browserLocale();

const loaded: Partial<Record<SupportedLocale, TranslationMessages>> = {};
const messagesOf = (locale: string): TranslationMessages | Promise<TranslationMessages> => {
  const supported = isSupported(locale) ? locale : 'en';
  return (
    loaded[supported] ??
    loaders[supported]().then((messages) => {
      loaded[supported] = messages;
      return messages;
    })
  );
};

let provider: I18nProvider | undefined;

/** Loads the initial language's messages; call once before rendering. */
export async function loadI18n(): Promise<void> {
  await messagesOf(initialLocale);
  provider = polyglotI18nProvider(messagesOf, initialLocale, LOCALES);
}

const ready = (): I18nProvider => {
  if (!provider) throw new Error('i18n used before loadI18n() resolved');
  return provider;
};

export const i18nProvider: I18nProvider = {
  translate: (key, options) => ready().translate(key, options),
  changeLocale: (locale, options) => ready().changeLocale(locale, options),
  getLocale: () => provider?.getLocale() ?? initialLocale,
  getLocales: () => LOCALES,
};
