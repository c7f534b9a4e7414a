import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { StockList } from '@/features/vehicles/components/stock-list';
import { PageTitle } from '../components/page-title';
import { can, useSession } from '../layout/session';

/** Stock vehicles by VIN (库存车辆). */
export const StockPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <div data-testid="stock-page">
      <PageTitle title={t('vehicles.title')} />
      <Card>
        <StockList key={me.store.id} canManage={can(me, 'vehicles.manage')} />
      </Card>
    </div>
  );
};
