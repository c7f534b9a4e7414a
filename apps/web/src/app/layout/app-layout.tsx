import type { TMe } from '@qianke/contracts/auth';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Grid, Layout, Result, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { meQueryKey, useMe } from '@/features/auth/api/get-me';
import { useLogout } from '@/features/auth/api/logout';
import { ChangePasswordModal } from '@/features/auth/components/change-password-modal';
import { StoreSwitcher } from '@/features/auth/components/store-switcher';
import { metaQueryKey } from '@/features/meta/api/get-meta';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { describeApiError } from '@/lib/describe-api-error';
import { paths } from '@/lib/paths';
import { LanguageSwitch } from '../components/language-switch';
import { PageLoader } from '../components/page-loader';
import type { SessionContext } from './session';
import { SideMenu } from './side-menu';
import { UserMenu } from './user-menu';

const keepOnStoreSwitch = (key: unknown): boolean => key === meQueryKey[0] || key === metaQueryKey[0];

/** Every page behind login: reads /me, sends anonymous visitors to the login page and back afterwards. */
export const AppLayout = () => {
  const { t } = useTranslation();
  const location = useLocation();
  const meQuery = useMe();

  if (meQuery.isPending) return <PageLoader fullScreen />;
  // A failed background refresh keeps the page; only a first load without data shows the error.
  if (meQuery.isError && meQuery.data === undefined) {
    return (
      <Result
        status="warning"
        title={t('errors.loadFailed')}
        subTitle={describeApiError(meQuery.error, t)}
        extra={
          <Button type="primary" loading={meQuery.isFetching} onClick={() => void meQuery.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!meQuery.data) return <Navigate to={paths.login} replace state={{ from: location }} />;
  return <Shell me={meQuery.data} />;
};

const Shell = ({ me }: { me: TMe }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [collapsed, setCollapsed] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const forcePasswordChange = me.user.mustChangePassword;
  // Phones in the showroom: drop labels, keep every control.
  const compact = !Grid.useBreakpoint().md;

  // A fresh page load after logging out: nothing the previous user saw stays in memory, and the login
  // page does not offer to go back to where they were.
  const leave = () => window.location.replace(paths.login);
  const logout = useLogout({
    onLoggedOut: leave,
    onError: (error) => void message.error(describeApiError(error, t)),
  });
  const doLogout = () => logout.mutate();

  const context: SessionContext = { me };

  return (
    <Layout style={{ minHeight: '100%', flex: 1 }} hasSider>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={208}
        collapsedWidth={compact ? 56 : 80}
        data-testid="side-menu"
      >
        <Flex align="center" justify="center" style={{ height: 64 }}>
          <Typography.Text
            strong
            style={{ color: '#fff', fontSize: collapsed ? 16 : 20, whiteSpace: 'nowrap' }}
          >
            {collapsed ? t('app.name').slice(0, 1) : t('app.fullName')}
          </Typography.Text>
        </Flex>
        <SideMenu me={me} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            paddingInline: compact ? 12 : 24,
            display: 'flex',
            alignItems: 'center',
            gap: compact ? 8 : 16,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            {compact ? null : <Typography.Text type="secondary">{t('header.store')}</Typography.Text>}
            {me.stores.length > 1 ? (
              <StoreSwitcher
                me={me}
                compact={compact}
                onSwitched={() =>
                  void queryClient.invalidateQueries({
                    predicate: (query) => !keepOnStoreSwitch(query.queryKey[0]),
                  })
                }
              />
            ) : (
              <Typography.Text
                strong
                ellipsis
                style={{ maxWidth: compact ? 120 : 320 }}
                data-testid="current-store"
              >
                {me.store.name}
              </Typography.Text>
            )}
          </Flex>
          <Flex align="center" gap={compact ? 4 : 16} style={{ marginInlineStart: 'auto' }}>
            <NotificationBell
              timeZone={me.store.timeZone}
              compact={compact}
              // Logging out closes the live stream first; the page is then left for the login page.
              enabled={!logout.isPending && !logout.isSuccess}
            />
            <LanguageSwitch compact={compact} />
            <UserMenu
              compact={compact}
              displayName={me.user.displayName}
              onChangePassword={() => setChangingPassword(true)}
              onLogout={doLogout}
              loggingOut={logout.isPending}
            />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: compact ? 12 : 24, minWidth: 0 }}>
          <main>
            <Suspense fallback={<PageLoader />}>
              <Outlet context={context} />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
      <ChangePasswordModal
        open={forcePasswordChange || changingPassword}
        forced={forcePasswordChange}
        username={me.user.username}
        onClose={() => setChangingPassword(false)}
        onLogout={doLogout}
      />
    </Layout>
  );
};
