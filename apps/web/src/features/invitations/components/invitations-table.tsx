import type { TInvitation, TInvitationStatus } from '@qianke/contracts/dcc';
import { INVITATION_STATUSES } from '@qianke/core/dcc/invitations';
import {
  Alert,
  App,
  Button,
  Flex,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeApiError } from '@/lib/describe-api-error';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { paths } from '@/lib/paths';
import { type InvitationMove, useChangeInvitation } from '../api/change-invitation';
import { useInvitationOptions } from '../api/get-invitation-options';
import { useInvitations } from '../api/get-invitations';
import { InvitationFormDialog } from './invitation-form-dialog';

const STATUS_COLOURS: Record<TInvitationStatus, string> = {
  scheduled: 'blue',
  arrived: 'green',
  no_show: 'red',
  cancelled: 'default',
};

export type InvitationsTableProps = {
  timeZone: string;
  /** Only this customer's invitations, without the filters. */
  customerId?: string;
  /** The day shown first (`YYYY-MM-DD`); none: every day. */
  initialDate?: string;
};

/** Invitations with day and status filters, and cancel, no-show and re-invite. */
export const InvitationsTable = ({ timeZone, customerId, initialDate }: InvitationsTableProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [date, setDate] = useState(initialDate ?? '');
  const [status, setStatus] = useState<TInvitationStatus | undefined>(undefined);
  const [agentId, setAgentId] = useState<string | undefined>(undefined);
  const options = useInvitationOptions();
  const [page, setPage] = useState(1);
  const [reinviting, setReinviting] = useState<TInvitation | null>(null);
  const query = useInvitations({ date: date || undefined, status, agentId, customerId, page });
  const change = useChangeInvitation();
  const time = (iso: string | null) => formatDateTime(iso, timeZone, language) ?? '';

  const move = (row: TInvitation, to: InvitationMove) =>
    change.mutate(
      { id: row.id, move: to, version: row.version },
      {
        onSuccess: () =>
          void message.success(to === 'cancel' ? t('invitations.cancelled') : t('invitations.markedNoShow')),
        onError: (error) => void message.error(describeApiError(error, t)),
      },
    );

  const columns: TableColumnsType<TInvitation> = [
    ...(customerId
      ? []
      : [
          {
            key: 'customer',
            title: t('invitations.customer'),
            render: (_: unknown, row: TInvitation) => (
              <Link to={`${paths.customers}/${row.customer.id}`}>
                {row.customer.name} {row.customer.cardNo}
              </Link>
            ),
          },
        ]),
    { key: 'at', title: t('invitations.scheduledAt'), render: (_, row) => time(row.scheduledAt) },
    {
      key: 'purpose',
      title: t('invitations.purpose'),
      render: (_, row) => t(`invitations.purposes.${row.purpose}`),
    },
    {
      key: 'consultant',
      title: t('invitations.consultant'),
      render: (_, row) => row.consultant?.name ?? '-',
    },
    { key: 'by', title: t('invitations.invitedBy'), render: (_, row) => row.invitedBy.name },
    {
      key: 'status',
      title: t('invitations.status'),
      render: (_, row) => (
        <Space size={4} wrap>
          <Tag color={STATUS_COLOURS[row.status]} data-testid="invitation-status" data-status={row.status}>
            {t(`invitations.statuses.${row.status}`)}
          </Tag>
          {row.arrivedAt ? <span>{t('invitations.arrivedAt', { time: time(row.arrivedAt) })}</span> : null}
          {row.returnedAt ? <Tag color="orange">{t('invitations.returned')}</Tag> : null}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, row) => (
        <Space size={4}>
          {row.status === 'scheduled' ? (
            <>
              <Popconfirm title={t('invitations.cancelConfirm')} onConfirm={() => move(row, 'cancel')}>
                <Button size="small" data-testid="invitation-cancel">
                  {t('invitations.cancel')}
                </Button>
              </Popconfirm>
              <Popconfirm title={t('invitations.noShowConfirm')} onConfirm={() => move(row, 'no-show')}>
                <Button size="small" danger data-testid="invitation-no-show">
                  {t('invitations.noShow')}
                </Button>
              </Popconfirm>
            </>
          ) : null}
          {row.status === 'no_show' && !row.returnedAt ? (
            <Button
              size="small"
              type="primary"
              onClick={() => setReinviting(row)}
              data-testid="invitation-reinvite"
            >
              {t('invitations.reinvite')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid={customerId ? 'customer-invitations' : 'invitations-table'}>
      {customerId ? null : (
        <Space wrap>
          <Input
            type="date"
            value={date}
            onChange={(e) => {
              setDate(e.target.value);
              setPage(1);
            }}
            aria-label={t('invitations.date')}
            style={{ width: 180 }}
            data-testid="invitations-date"
          />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('invitations.allStatuses')}
            value={status}
            onChange={(value: TInvitationStatus | undefined) => {
              setStatus(value);
              setPage(1);
            }}
            options={INVITATION_STATUSES.map((s) => ({ value: s, label: t(`invitations.statuses.${s}`) }))}
            data-testid="invitations-status"
          />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('invitations.invitedBy')}
            value={agentId}
            onChange={(value: string | undefined) => {
              setAgentId(value);
              setPage(1);
            }}
            options={(options.data?.agents ?? []).map((a) => ({ value: a.id, label: a.name }))}
            data-testid="invitations-agent"
          />
        </Space>
      )}
      {query.isError ? (
        <Alert
          type="error"
          showIcon
          title={describeApiError(query.error, t)}
          action={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
        />
      ) : (
        <Table<TInvitation>
          rowKey="id"
          size="small"
          loading={query.isPending}
          columns={columns}
          dataSource={query.data?.items ?? []}
          locale={{ emptyText: customerId ? t('invitations.customerEmpty') : t('invitations.empty') }}
          onRow={(row) => ({ 'data-testid': 'invitation-row', 'data-status': row.status }) as object}
          pagination={{
            current: page,
            pageSize: 20,
            total: query.data?.total ?? 0,
            onChange: setPage,
            hideOnSinglePage: true,
          }}
        />
      )}
      <InvitationFormDialog
        target={reinviting ? { reinviteOf: reinviting } : null}
        timeZone={timeZone}
        onClose={() => setReinviting(null)}
        onSaved={() => void message.success(t('invitations.saved'))}
      />
    </Flex>
  );
};
