import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { OrdersList } from '@/features/orders/components/orders-list';
import { paths } from '@/lib/paths';
import { PageTitle } from '../components/page-title';
import { can, useSession } from '../layout/session';

/** Sales orders (销售订单), with the walk-in order button. */
export const OrdersPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  return (
    <div data-testid="orders-page">
      <PageTitle
        title={t('orders.title')}
        extra={
          can(me, 'orders.manage') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate(paths.newOrder)}
              data-testid="orders-walk-in"
            >
              {t('orders.walkIn')}
            </Button>
          ) : null
        }
      />
      <Card>
        <OrdersList key={me.store.id} timeZone={me.store.timeZone} canExport={can(me, 'reports.export')} />
      </Card>
    </div>
  );
};
