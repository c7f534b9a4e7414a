import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { UsersList } from '@/features/users/components/users-list';
import { PageTitle } from '../components/page-title';
import { useSession } from '../layout/session';

export const UsersPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <div data-testid="users-page">
      <PageTitle title={t('users.title')} />
      <Card>
        {/* A store switch shows another store's staff: start that list afresh. */}
        <UsersList key={me.store.id} currentUserId={me.user.id} timeZone={me.store.timeZone} />
      </Card>
    </div>
  );
};
