import { useTranslation } from 'react-i18next';
import { DccWorkbench } from '@/features/dcc/components/dcc-workbench';
import { PageTitle } from '../components/page-title';
import { can, useSession } from '../layout/session';

/** The DCC workbench (DCC 邀约): call lists, the call form, inbound calls. */
export const DccPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <div>
      <PageTitle title={t('dcc.title')} />
      <DccWorkbench key={me.store.id} timeZone={me.store.timeZone} canPickAgent={can(me, 'leads.assign')} />
    </div>
  );
};
