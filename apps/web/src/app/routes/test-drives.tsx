import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { DemoCarsAdmin } from '@/features/test-drives/components/demo-cars-admin';
import { TestDriveSchedule } from '@/features/test-drives/components/test-drive-schedule';
import { PageTitle } from '../components/page-title';
import { can, useSession } from '../layout/session';

/** The demo cars' booking schedule (试驾排期) and, for managers, the demo cars themselves. */
export const TestDrivesPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  const schedule = (
    <TestDriveSchedule
      key={me.store.id}
      timeZone={me.store.timeZone}
      pickConsultant={!me.user.roles.includes('consultant')}
    />
  );
  return (
    <div data-testid="test-drives-page">
      <PageTitle title={t('testDrives.title')} />
      <Card>
        {can(me, 'demo_cars.manage') ? (
          <Tabs
            items={[
              { key: 'schedule', label: t('testDrives.schedule'), children: schedule },
              { key: 'cars', label: t('testDrives.cars'), children: <DemoCarsAdmin key={me.store.id} /> },
            ]}
          />
        ) : (
          schedule
        )}
      </Card>
    </div>
  );
};
