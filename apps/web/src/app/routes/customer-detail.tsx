import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { CustomerDetail } from '@/features/customers/components/customer-detail';
import { paths } from '@/lib/paths';
import { PageTitle } from '../components/page-title';
import { can, useSession } from '../layout/session';

export const CustomerDetailPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const { customerId = '' } = useParams();
  return (
    <div data-testid="customer-page">
      <PageTitle
        title={t('customers.detail.title')}
        extra={
          <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => void navigate(paths.customers)}>
            {t('customers.detail.back')}
          </Button>
        }
      />
      <CustomerDetail
        key={`${me.store.id}-${customerId}`}
        customerId={customerId}
        timeZone={me.store.timeZone}
        canEdit={can(me, 'customers.edit')}
        canAddLead={can(me, 'customers.create')}
        canPromote={can(me, 'customers.merge')}
      />
    </div>
  );
};
