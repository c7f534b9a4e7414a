import { useTranslation } from 'react-i18next';
import { NewCustomerForm } from '@/features/customers/components/new-customer-form';
import { PageTitle } from '../components/page-title';
import { useSession } from '../layout/session';

export const NewCustomerPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <div data-testid="new-customer-page" style={{ maxWidth: 960 }}>
      <PageTitle title={t('customers.form.title')} />
      <NewCustomerForm key={me.store.id} viewer={{ userId: me.user.id, roles: me.user.roles }} />
    </div>
  );
};
