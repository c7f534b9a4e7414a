import { RightOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AdminHome } from '@/features/home/components/admin-home';
import { HomeHeader } from '@/features/home/components/home-header';
import { RoleHome } from '@/features/home/components/role-home';
import { LevelChecklist } from '@/features/lead-grading/components/level-checklist';
import { useUsers } from '@/features/users/api/get-users';
import { TodayWorklist } from '@/features/worklist/components/today-worklist';
import { useLanguage } from '@/lib/i18n/use-language';
import { paths } from '@/lib/paths';
import { useDocumentTitle } from '@/lib/use-document-title';
import { can, useSession } from '../layout/session';

const todayIn = (timeZone: string, language: string): string => {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone }).format(new Date());
  } catch {
    return new Intl.DateTimeFormat(language, { dateStyle: 'full' }).format(new Date());
  }
};

export const HomePage = () => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const me = useSession();
  useDocumentTitle(t('menu.home'));
  const isAdminHome = me.homeRole === 'admin';
  // The administrator's summary counts the store's active accounts: one row is enough to read the total.
  const activeUsers = useUsers(
    { status: 'active', sort: 'username', order: 'asc', page: 1, pageSize: 1 },
    { enabled: isAdminHome && can(me, 'users.view') },
  );

  // Those who follow up on leads start their day with the Today worklist.
  const worklist = can(me, 'customers.edit') ? (
    <Card
      title={t('worklist.title')}
      extra={
        <Link to={paths.today}>
          <Button type="link" icon={<RightOutlined />} iconPlacement="end">
            {t('worklist.openPage')}
          </Button>
        </Link>
      }
      data-testid="panel-today"
    >
      <TodayWorklist
        key={me.store.id}
        compact
        timeZone={me.store.timeZone}
        renderLevelHelp={(level, grading) => <LevelChecklist level={level} {...grading} />}
      />
    </Card>
  ) : undefined;

  return (
    <>
      <HomeHeader
        displayName={me.user.displayName}
        homeRole={me.homeRole}
        storeName={me.store.name}
        today={todayIn(me.store.timeZone, language)}
      />
      <RoleHome
        homeRole={me.homeRole}
        worklist={worklist}
        adminHome={
          <AdminHome
            store={me.store}
            activeUsers={activeUsers.isError ? null : activeUsers.data?.total}
            usersHref={can(me, 'users.manage') ? paths.users : null}
            storeSettingsHref={can(me, 'store.manage') ? paths.storeSettings : null}
          />
        }
      />
    </>
  );
};
