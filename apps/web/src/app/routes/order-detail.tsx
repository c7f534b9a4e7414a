import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { OrderDetail } from '@/features/orders/components/order-detail';
import { paths } from '@/lib/paths';
import { PageTitle } from '../components/page-title';
import { can, useSession } from '../layout/session';

export const OrderDetailPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const { orderId = '' } = useParams();
  return (
    <div data-testid="order-page">
      <PageTitle
        title={t('orders.detailTitle')}
        extra={
          <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => void navigate(paths.orders)}>
            {t('orders.back')}
          </Button>
        }
      />
      <OrderDetail
        key={`${me.store.id}-${orderId}`}
        orderId={orderId}
        timeZone={me.store.timeZone}
        canManage={can(me, 'orders.manage')}
        canDeliver={can(me, 'orders.deliver')}
      />
    </div>
  );
};
