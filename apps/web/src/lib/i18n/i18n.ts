import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import {
  DEFAULT_LANGUAGE,
  dayjsLocaleOf,
  type Language,
  readStoredLanguage,
  storeLanguage,
} from './language';
import { zhCN } from './zh-CN';

const applyDocumentLanguage = (language: Language): void => {
  dayjs.locale(dayjsLocaleOf(language));
  document.documentElement.lang = language;
};

const initialLanguage = readStoredLanguage();

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initialLanguage,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
applyDocumentLanguage(initialLanguage);

/** Switches the whole app: texts, antd (via the provider), dayjs and <html lang>; remembered per browser. */
export const changeLanguage = async (language: Language): Promise<void> => {
  storeLanguage(language);
  applyDocumentLanguage(language);
  await i18n.changeLanguage(language);
};
