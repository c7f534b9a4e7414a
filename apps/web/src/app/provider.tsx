import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { meQueryKey } from '@/features/auth/api/get-me';
import { i18n } from '@/lib/i18n/i18n';
import { useLanguage } from '@/lib/i18n/use-language';
import { createQueryClient } from '@/lib/query-client';
import { ErrorBoundary } from './components/error-boundary';

const ThemedApp = ({ children }: { children: ReactNode }) => {
  const { language } = useLanguage();
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1677ff' } }}>
      <AntApp style={{ height: '100%' }}>
        <ErrorBoundary>{children}</ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
};

export const AppProvider = ({ children }: { children: ReactNode }) => {
  const [queryClient] = useState(() =>
    createQueryClient({
      // Any read answered 401 means the session is gone: forget the user, the layout shows the login page.
      onUnauthenticated: (client) => client.setQueryData(meQueryKey, null),
    }),
  );
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <ThemedApp>{children}</ThemedApp>
      </QueryClientProvider>
    </I18nextProvider>
  );
};
