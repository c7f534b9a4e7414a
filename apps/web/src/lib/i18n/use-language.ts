import { useTranslation } from 'react-i18next';
import { changeLanguage } from './i18n';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './language';

export const useLanguage = (): { language: Language; setLanguage: (language: Language) => Promise<void> } => {
  const { i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return { language: isLanguage(current) ? current : DEFAULT_LANGUAGE, setLanguage: changeLanguage };
};
