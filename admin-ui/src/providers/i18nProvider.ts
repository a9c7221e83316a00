import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from '../i18n/en/index';
import { fr } from '../i18n/fr/index';
import { store } from './store';

const messages = { en, fr } as const;
type SupportedLocale = keyof typeof messages;

const isSupported = (locale: unknown): locale is SupportedLocale => typeof locale === 'string' && locale in messages;

export const browserLocale = (): SupportedLocale =>
  typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';

// The store holds the language chosen with the app bar's switcher; without one, follow the browser.
const savedLocale = store.getItem<string>('locale');
const initialLocale: SupportedLocale = isSupported(savedLocale) ? savedLocale : browserLocale();

export const i18nProvider = polyglotI18nProvider((locale) => (isSupported(locale) ? messages[locale] : messages.en), initialLocale, [
  { locale: 'en', name: 'English' },
  { locale: 'fr', name: 'Français' },
]);
