import type { TAppMeta } from '@qianke/contracts/setup';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { meQueryKey } from '@/features/auth/api/get-me';
import { metaQueryKey } from '@/features/meta/api/get-meta';
import { SetupForm } from '@/features/setup/components/setup-form';
import { paths } from '@/lib/paths';
import { useDocumentTitle } from '@/lib/use-document-title';
import { AuthCard } from '../components/auth-card';

export const SetupPage = () => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useDocumentTitle(t('setup.title'));

  return (
    <div data-testid="setup-page" style={{ display: 'flex', flex: 1 }}>
      <AuthCard title={t('setup.title')} subtitle={t('setup.intro')} width={560}>
        <SetupForm
          onDone={(me) => {
            queryClient.setQueryData(meQueryKey, me);
            queryClient.setQueryData<TAppMeta>(
              metaQueryKey,
              (meta) => meta && { ...meta, setupNeeded: false },
            );
            void queryClient.invalidateQueries({ queryKey: metaQueryKey });
            void navigate(paths.home, { replace: true });
          }}
          onAlreadyDone={() => {
            void queryClient.invalidateQueries({ queryKey: metaQueryKey });
            void navigate(paths.login, { replace: true });
          }}
        />
      </AuthCard>
    </div>
  );
};
