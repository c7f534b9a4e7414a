import {
  ArrowLeftOutlined,
  CarOutlined,
  FileAddOutlined,
  RiseOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import type { TCustomerLead } from '@qianke/contracts/customers';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useCustomer } from '@/features/customers/api/get-customer';
import { customersQueryKey } from '@/features/customers/api/get-customers';
import { CustomerDetail } from '@/features/customers/components/customer-detail';
import { AssignmentReasonText } from '@/features/distribution/components/assignment-reason';
import { CustomerInvitations } from '@/features/invitations/components/customer-invitations';
import { ChangeLevelModal } from '@/features/lead-grading/components/change-level-modal';
import { OrdersList } from '@/features/orders/components/orders-list';
import { CustomerTestDrives } from '@/features/test-drives/components/customer-test-drives';
import { tasksQueryKey } from '@/features/worklist/api/get-tasks';
import { paths } from '@/lib/paths';
import { PageTitle } from '../components/page-title';
import { can, useSession } from '../layout/session';

export const CustomerDetailPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const { customerId = '' } = useParams();
  // Test drives (issue 5)
  const queryClient = useQueryClient();
  const customer = useCustomer(customerId);
  const [booking, setBooking] = useState(false);
  const canBook = can(me, 'test_drives.book') && customer.data !== undefined;
  // Invitations (issue 5): booked for the customer's open lead.
  const [inviting, setInviting] = useState(false);
  const openLeadId =
    customer.data?.leads.find((lead) => lead.status === 'open' || lead.status === 'nurturing')?.id ?? null;
  const canInvite = can(me, 'invitations.manage') && customer.data !== undefined;
  // Grading a lead from its row: level with its checklist, horizon, MAN and why (issue 4).
  const [grading, setGrading] = useState<TCustomerLead | null>(null);
  const canGrade = can(me, 'customers.edit');
  const leadActions = (lead: TCustomerLead) =>
    lead.status === 'open' || lead.status === 'nurturing' ? (
      <Button
        size="small"
        icon={<RiseOutlined />}
        onClick={() => setGrading(lead)}
        data-testid={`lead-change-level-${lead.id}`}
      >
        {t('leadGrading.changeLevel.button')}
      </Button>
    ) : null;
  return (
    <div data-testid="customer-page">
      <PageTitle
        title={t('customers.detail.title')}
        extra={
          <Space>
            {can(me, 'orders.manage') && customer.data ? (
              <Button
                icon={<FileAddOutlined />}
                onClick={() =>
                  void navigate(`${paths.newOrder}?customerId=${encodeURIComponent(customerId)}`)
                }
                data-testid="customer-new-order"
              >
                {t('orders.newOrder')}
              </Button>
            ) : null}
            {canInvite ? (
              <Button
                icon={<ScheduleOutlined />}
                disabled={openLeadId === null}
                title={openLeadId === null ? t('invitations.noLead') : undefined}
                onClick={() => setInviting(true)}
                data-testid="customer-invite"
              >
                {t('invitations.invite')}
              </Button>
            ) : null}
            {canBook ? (
              <Button
                icon={<CarOutlined />}
                onClick={() => setBooking(true)}
                data-testid="customer-book-test-drive"
              >
                {t('testDrives.book')}
              </Button>
            ) : null}
            <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => void navigate(paths.customers)}>
              {t('customers.detail.back')}
            </Button>
          </Space>
        }
      />
      <CustomerDetail
        key={`${me.store.id}-${customerId}`}
        customerId={customerId}
        timeZone={me.store.timeZone}
        canEdit={can(me, 'customers.edit')}
        canAddLead={can(me, 'customers.create')}
        canPromote={can(me, 'customers.merge')}
        renderAssignmentReason={(reason) => <AssignmentReasonText reason={reason} />}
        renderLeadActions={canGrade ? leadActions : undefined}
      />
      <ChangeLevelModal
        lead={grading}
        customerName={customer.data?.name ?? ''}
        onClose={() => setGrading(null)}
        onChanged={() => {
          setGrading(null);
          // The lead's level, horizon and MAN, the card's level, the timeline and the tasks change.
          void queryClient.invalidateQueries({ queryKey: customersQueryKey });
          void queryClient.invalidateQueries({ queryKey: tasksQueryKey });
        }}
      />
      {canBook && customer.data ? (
        <div style={{ marginTop: 16 }}>
          <CustomerTestDrives
            key={`${me.store.id}-${customerId}-drives`}
            customer={{ id: customerId, label: `${customer.data.name} ${customer.data.cardNo}` }}
            timeZone={me.store.timeZone}
            canBook={canBook}
            pickConsultant={!me.user.roles.includes('consultant')}
            booking={booking}
            onBookingChange={setBooking}
            // The lead's follow-ups, tasks and the timeline change with a drive.
            onChanged={() => void queryClient.invalidateQueries({ queryKey: customersQueryKey })}
          />
        </div>
      ) : null}
      {/* Invitations (issue 5) */}
      {canInvite ? (
        <div style={{ marginTop: 16 }}>
          <CustomerInvitations
            key={`${me.store.id}-${customerId}-invitations`}
            customerId={customerId}
            leadId={openLeadId}
            timeZone={me.store.timeZone}
            inviting={inviting}
            onInvitingChange={setInviting}
            onSaved={() => void queryClient.invalidateQueries({ queryKey: customersQueryKey })}
          />
        </div>
      ) : null}
      {/* Orders (issue 5) */}
      {can(me, 'orders.view') && customer.data ? (
        <Card title={t('orders.customerOrders')} size="small" style={{ marginTop: 16 }}>
          <OrdersList
            key={`${me.store.id}-${customerId}-orders`}
            timeZone={me.store.timeZone}
            customerId={customerId}
            compact
          />
        </Card>
      ) : null}
    </div>
  );
};
