import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiKeysList } from '@/features/api-keys/components/api-keys-list';
import { IntakeHelp } from '@/features/api-keys/components/intake-help';
import { PageTitle } from '../components/page-title';
import { useSession } from '../layout/session';

export const ApiKeysPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <div data-testid="api-keys-page">
      <PageTitle title={t('apiKeys.title')} />
      <Flex vertical gap={16}>
        <Card>
          {/* Keys belong to a store: a store switch shows the other store's keys. */}
          <ApiKeysList key={me.store.id} timeZone={me.store.timeZone} />
        </Card>
        <Card title={t('apiKeys.help.title')} size="small">
          <IntakeHelp />
        </Card>
      </Flex>
    </div>
  );
};
