import { usePrefetchQuery } from '@tanstack/react-query';
import { Button, Flex, Result } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { useMeta } from '@/features/meta/api/get-meta';
import { DemoBanner } from '@/features/meta/components/demo-banner';
import { describeApiError } from '@/lib/describe-api-error';
import { LanguageSwitch } from '../components/language-switch';
import { PageLoader } from '../components/page-loader';

const SetupPage = lazy(() => import('./setup').then((m) => ({ default: m.SetupPage })));

/**
 * Wraps every page: reads /meta first. A fresh installation shows the set-up page whatever the address;
 * a demo installation shows its banner on every page, the login page included.
 */
export const RootGate = () => {
  const { t } = useTranslation();
  const metaQuery = useMeta();
  // Ask who is logged in while /meta is on its way, not after it.
  usePrefetchQuery(meQueryOptions);

  if (metaQuery.isPending) return <PageLoader fullScreen />;
  if (metaQuery.isError && metaQuery.data === undefined) {
    return (
      <Flex vertical style={{ minHeight: '100vh' }}>
        <Flex justify="flex-end" style={{ padding: 16 }}>
          <LanguageSwitch />
        </Flex>
        <Result
          status="warning"
          title={t('boot.metaFailed')}
          subTitle={describeApiError(metaQuery.error, t)}
          extra={
            <Button type="primary" loading={metaQuery.isFetching} onClick={() => void metaQuery.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      </Flex>
    );
  }

  const meta = metaQuery.data;
  return (
    <Flex vertical style={{ minHeight: '100vh' }}>
      {meta.demo && <DemoBanner />}
      <Flex vertical flex={1}>
        <Suspense fallback={<PageLoader />}>{meta.setupNeeded ? <SetupPage /> : <Outlet />}</Suspense>
      </Flex>
    </Flex>
  );
};
