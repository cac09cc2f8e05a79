import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { readCookie, writeCookie } from '../lib/cookies';
import type { Lang } from '../lib/format';
import en from './en.json';
import id from './id.json';

export const LANG_COOKIE = 'jj_lang';
const ONE_YEAR = 365 * 24 * 3600;

export const isLang = (v: unknown): v is Lang => v === 'id' || v === 'en';

/** Bahasa Indonesia unless the user chose English before (the same cookie the server reads). */
export const initialLang = (): Lang => {
  const saved = typeof document === 'undefined' ? undefined : readCookie(LANG_COOKIE);

  return isLang(saved) ? saved : 'id';
};

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: initialLang(),
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});

/** Switches the UI, <html lang> and the cookie that makes server messages follow. */
export const setLanguage = async (lang: Lang) => {
  writeCookie(LANG_COOKIE, lang, ONE_YEAR);
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
};

export const currentLang = (): Lang => (isLang(i18n.language) ? i18n.language : 'id');

/** The active language, re-rendering the caller when it changes. */
export const useLang = (): Lang => {
  const { i18n: active } = useTranslation();

  return isLang(active.language) ? active.language : 'id';
};
