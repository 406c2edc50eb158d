import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './locales/de.json';
import en from './locales/en.json';

/** The portal's languages, each named in itself for the switcher. */
export const portalLanguages = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' },
] as const;
export type PortalLanguage = (typeof portalLanguages)[number]['code'];

const STORAGE_KEY = 'chorus.portal.language';

const isLanguage = (value: string | null): value is PortalLanguage =>
  portalLanguages.some((language) => language.code === value);

/** The visitor's earlier choice, else their browser's language when the portal speaks it. */
const initialLanguage = (): PortalLanguage => {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const browser = navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : 'en';
};

export const portalI18n = i18next.createInstance();

void portalI18n.use(initReactI18next).init({
  resources: { en: { translation: en }, de: { translation: de } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  initAsync: false,
});

document.documentElement.lang = portalI18n.language;

export const changePortalLanguage = async (language: PortalLanguage) => {
  window.localStorage.setItem(STORAGE_KEY, language);
  await portalI18n.changeLanguage(language);
  document.documentElement.lang = language;
};
