import { useQueryClient } from '@tanstack/react-query';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { meQueryKey } from '@/features/auth/api/get-me';
import { StoreSettingsForm } from '@/features/stores/components/store-settings-form';
import { PageTitle } from '../components/page-title';
import { useSession } from '../layout/session';

export const StoreSettingsPage = () => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useSession();
  return (
    <div data-testid="store-settings-page">
      <PageTitle title={t('storeSettings.title')} />
      <Card>
        <StoreSettingsForm
          key={me.store.id}
          storeId={me.store.id}
          // The header shows the store's name: read /me again.
          onSaved={() => void queryClient.invalidateQueries({ queryKey: meQueryKey })}
        />
      </Card>
    </div>
  );
};
