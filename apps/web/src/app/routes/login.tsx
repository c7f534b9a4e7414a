import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { meQueryKey, useMe } from '@/features/auth/api/get-me';
import { LoginForm } from '@/features/auth/components/login-form';
import { metaQueryKey, useMeta } from '@/features/meta/api/get-meta';
import { paths } from '@/lib/paths';
import { useDocumentTitle } from '@/lib/use-document-title';
import { AuthCard } from '../components/auth-card';
import { PageLoader } from '../components/page-loader';

type LoginLocationState = { from?: { pathname?: string; search?: string; hash?: string } } | null;

/** Where the user wanted to go before being sent to log in; never back to the login page itself. */
const destinationOf = (state: unknown): string => {
  const from = (state as LoginLocationState)?.from;
  if (!from?.pathname?.startsWith('/') || from.pathname.startsWith('//') || from.pathname === paths.login) {
    return paths.home;
  }
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
};

export const LoginPage = () => {
  const { t } = useTranslation();
  const location = useLocation();
  const queryClient = useQueryClient();
  const meQuery = useMe();
  const metaQuery = useMeta();
  useDocumentTitle(t('auth.login.title'));

  const destination = destinationOf(location.state);
  if (meQuery.isPending) return <PageLoader fullScreen />;
  if (meQuery.data) return <Navigate to={destination} replace />;

  return (
    <div data-testid="login-page" style={{ display: 'flex', flex: 1 }}>
      <AuthCard title={t('auth.login.title')} subtitle={t('auth.login.subtitle')}>
        <LoginForm
          showDemoAccounts={metaQuery.data?.demo ?? false}
          // Drop whatever a previous user of this browser left in the cache; storing the new session
          // then re-renders this page, which sends the user on to where they wanted to go.
          onLoggedIn={() =>
            queryClient.removeQueries({
              predicate: (query) =>
                query.queryKey[0] !== meQueryKey[0] && query.queryKey[0] !== metaQueryKey[0],
            })
          }
        />
      </AuthCard>
    </div>
  );
};
