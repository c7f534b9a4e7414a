import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { AgentStats } from '@/features/invitations/components/agent-stats';
import { InvitationsTable } from '@/features/invitations/components/invitations-table';
import { PageTitle } from '../components/page-title';
import { can, useSession } from '../layout/session';

/** Invitations (邀约管理) by day and status, and the agents' rates. */
export const InvitationsPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <div data-testid="invitations-page">
      <PageTitle title={t('invitations.title')} />
      <Card>
        <Tabs
          key={me.store.id}
          items={[
            {
              key: 'list',
              label: t('invitations.tabs.list'),
              children: <InvitationsTable timeZone={me.store.timeZone} />,
            },
            ...(can(me, 'dcc.stats')
              ? [
                  {
                    key: 'stats',
                    label: <span data-testid="tab-dcc-stats">{t('invitations.tabs.stats')}</span>,
                    children: <AgentStats timeZone={me.store.timeZone} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </div>
  );
};
