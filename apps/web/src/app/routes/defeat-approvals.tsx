import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { DefeatRequestsList } from '@/features/defeat/components/defeat-requests-list';
import { MonthlyRecord } from '@/features/defeat/components/monthly-record';
import { PendingApprovals } from '@/features/defeat/components/pending-approvals';
import { AssigneeSelect } from '@/features/distribution/components/assignee-select';
import { LeadAssignmentPanel } from '@/features/distribution/components/lead-assignment-panel';
import { PageTitle } from '../components/page-title';
import { useSession } from '../layout/session';

/** The manager's defeat approvals (战败审批): pending requests, every decision, the monthly record. */
export const DefeatApprovalsPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  const timeZone = me.store.timeZone;
  const leadDetails = (request: { leadId: string }) => (
    <LeadAssignmentPanel leadId={request.leadId} timeZone={timeZone} />
  );
  return (
    <div data-testid="defeat-approvals-page">
      <PageTitle title={t('defeat.approvalsTitle')} />
      <Card>
        <Tabs
          key={me.store.id}
          items={[
            {
              key: 'pending',
              label: <span data-testid="tab-defeat-pending">{t('defeat.tabs.pending')}</span>,
              children: (
                <PendingApprovals
                  timeZone={timeZone}
                  renderLeadDetails={leadDetails}
                  renderOwnerPicker={(props) => <AssigneeSelect {...props} />}
                />
              ),
            },
            {
              key: 'all',
              label: <span data-testid="tab-defeat-all">{t('defeat.tabs.all')}</span>,
              children: (
                <DefeatRequestsList
                  timeZone={timeZone}
                  showRequester
                  renderLeadDetails={leadDetails}
                  data-testid="store-defeat-requests"
                />
              ),
            },
            {
              key: 'monthly',
              label: <span data-testid="tab-defeat-monthly">{t('defeat.tabs.monthly')}</span>,
              children: <MonthlyRecord />,
            },
          ]}
        />
      </Card>
    </div>
  );
};
