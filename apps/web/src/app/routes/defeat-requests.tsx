import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { MonthlyRecord } from '@/features/defeat/components/monthly-record';
import { MyDefeatRequests } from '@/features/defeat/components/my-defeat-requests';
import { PageTitle } from '../components/page-title';
import { useSession } from '../layout/session';

/** A consultant's own defeat requests (我的战败申请) and monthly record. */
export const DefeatRequestsPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <div data-testid="defeat-requests-page">
      <PageTitle title={t('defeat.myTitle')} />
      <Card>
        <Tabs
          key={me.store.id}
          items={[
            {
              key: 'mine',
              label: t('defeat.tabs.mine'),
              children: <MyDefeatRequests timeZone={me.store.timeZone} />,
            },
            {
              key: 'monthly',
              label: <span data-testid="tab-my-defeat-monthly">{t('defeat.tabs.myMonthly')}</span>,
              children: <MonthlyRecord />,
            },
          ]}
        />
      </Card>
    </div>
  );
};
