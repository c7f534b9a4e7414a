import { customerScopeOf } from '@qianke/core/customers/visibility';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { CustomersList } from '@/features/customers/components/customers-list';
import { PageTitle } from '../components/page-title';
import { can, useSession } from '../layout/session';

export const CustomersPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <div data-testid="customers-page">
      <PageTitle title={t('customers.title')} />
      <Card>
        {/* A store switch shows another store's customers: start that list afresh. */}
        <CustomersList
          key={me.store.id}
          timeZone={me.store.timeZone}
          canCreate={can(me, 'customers.create')}
          canMerge={can(me, 'customers.merge')}
          showOwnerFilter={customerScopeOf(me.user.roles) === 'store'}
          canExport={can(me, 'reports.export')}
        />
      </Card>
    </div>
  );
};
