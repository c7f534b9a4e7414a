import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "<page> · 潜客" in the browser tab; the app name alone when no page title is given. */
export const useDocumentTitle = (title?: string): void => {
  const { t } = useTranslation();
  const appName = t('app.fullName');
  useEffect(() => {
    document.title = title ? `${title} · ${appName}` : appName;
  }, [title, appName]);
};
