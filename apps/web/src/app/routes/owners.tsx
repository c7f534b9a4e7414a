import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { OwnersList } from '@/features/owners/components/owners-list';
import { PageTitle } from '../components/page-title';
import { can, useSession } from '../layout/session';

/** Owner cards (保有客户) by licence month. */
export const OwnersPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <div data-testid="owners-page">
      <PageTitle title={t('owners.title')} />
      <Card>
        <OwnersList key={me.store.id} timeZone={me.store.timeZone} canExport={can(me, 'reports.export')} />
      </Card>
    </div>
  );
};
