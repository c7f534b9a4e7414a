import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { ReasonsAdmin } from '@/features/defeat/components/reasons-admin';
import { PageTitle } from '../components/page-title';
import { useSession } from '../layout/session';

/** The store's defeat reasons (战败原因). */
export const DefeatReasonsPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <div data-testid="defeat-reasons-page">
      <PageTitle title={t('defeat.reasons.title')} />
      <Card>
        <ReasonsAdmin key={me.store.id} />
      </Card>
    </div>
  );
};
