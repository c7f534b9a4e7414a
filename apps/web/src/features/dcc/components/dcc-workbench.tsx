import type { TCallListName, TCallListRow } from '@qianke/contracts/dcc';
import { CALL_LISTS } from '@qianke/core/dcc/calls';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Row,
  Select,
  Skeleton,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeApiError } from '@/lib/describe-api-error';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { paths } from '@/lib/paths';
import { useCallList } from '../api/get-call-list';
import { useDccOptions } from '../api/get-dcc-options';
import { CallForm } from './call-form';
import { InboundBox } from './inbound-box';

export type DccWorkbenchProps = {
  timeZone: string;
  /** A manager may work (or look at) another agent's lists. */
  canPickAgent: boolean;
};

/** The DCC workbench: the call lists worked one after another, the customer card beside the call form. */
export const DccWorkbench = ({ timeZone, canPickAgent }: DccWorkbenchProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [list, setList] = useState<TCallListName>('new_portal');
  const [agentId, setAgentId] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const query = useCallList({ list, agentId, page });
  const options = useDccOptions();
  const items = query.data?.items ?? [];
  const selected = items.find((row) => row.leadId === selectedId) ?? null;
  const time = (iso: string | null) => formatDateTime(iso, timeZone, language) ?? '';

  const choose = (next: TCallListName) => {
    setList(next);
    setPage(1);
    setSelectedId(null);
  };

  const afterSave = (row: TCallListRow, invited: boolean) => {
    void message.success(invited ? t('dcc.form.savedInvited') : t('dcc.form.saved'));
    const index = items.findIndex((r) => r.leadId === row.leadId);
    const next = items.slice(index + 1).find((r) => r.leadId !== row.leadId) ?? null;
    setSelectedId(next?.leadId ?? null);
    if (!next) void message.info(t('dcc.done'));
  };

  const rowView = (row: TCallListRow) => (
    <List.Item
      key={row.leadId}
      onClick={() => setSelectedId(row.leadId)}
      data-testid="dcc-row"
      data-customer-id={row.customer.id}
      data-lead-id={row.leadId}
      data-selected={row.leadId === selectedId}
      style={{
        cursor: 'pointer',
        paddingInline: 8,
        background: row.leadId === selectedId ? '#e6f4ff' : undefined,
      }}
    >
      <List.Item.Meta
        title={
          <span>
            {row.customer.name} <Typography.Text type="secondary">{row.customer.cardNo}</Typography.Text>
          </span>
        }
        description={
          <span>
            {row.customer.phone ?? ''} · {t('dcc.attempts', { count: row.attempts })}
            {row.lastCall ? (
              <>
                {' · '}
                {t('dcc.lastCall', {
                  outcome: t(`dcc.outcomes.${row.lastCall.outcome}`),
                  time: time(row.lastCall.occurredAt),
                })}
              </>
            ) : null}
            {list === 'due' && row.taskDueAt ? ` · ${t('dcc.dueAt', { time: time(row.taskDueAt) })}` : null}
            {list === 'no_show' && row.invitation
              ? ` · ${t('dcc.invitedFor', { time: time(row.invitation.scheduledAt) })}`
              : null}
          </span>
        }
      />
    </List.Item>
  );

  return (
    <Row gutter={16} data-testid="dcc-page" data-list={list}>
      <Col xs={24} lg={9}>
        <Card size="small">
          {canPickAgent ? (
            <Select
              allowClear
              style={{ width: '100%', marginBottom: 8 }}
              placeholder={`${t('dcc.agent')}: ${t('dcc.myself')}`}
              value={agentId}
              onChange={(value: string | undefined) => {
                setAgentId(value);
                setPage(1);
                setSelectedId(null);
              }}
              options={(options.data?.agents ?? []).map((a) => ({ value: a.id, label: a.name }))}
              data-testid="dcc-agent"
            />
          ) : null}
          <Tabs
            activeKey={list}
            onChange={(key) => choose(key as TCallListName)}
            items={CALL_LISTS.map((name) => ({
              key: name,
              label: <span data-testid={`dcc-list-${name}`}>{t(`dcc.lists.${name}`)}</span>,
            }))}
          />
          {query.isError ? (
            <Alert
              type="error"
              showIcon
              title={describeApiError(query.error, t)}
              action={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
            />
          ) : query.isPending ? (
            <Skeleton active />
          ) : (
            <List
              dataSource={items}
              renderItem={rowView}
              locale={{ emptyText: <Empty description={t('dcc.empty')} /> }}
              data-testid="dcc-list"
              data-loaded-list={query.data?.list}
              pagination={
                (query.data?.total ?? 0) > 20
                  ? {
                      current: page,
                      pageSize: 20,
                      total: query.data?.total ?? 0,
                      onChange: setPage,
                      size: 'small',
                    }
                  : false
              }
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card size="small" style={{ marginBottom: 16 }}>
          {selected ? (
            <>
              <Descriptions
                size="small"
                column={2}
                title={
                  <Link to={`${paths.customers}/${selected.customer.id}`} data-testid="dcc-customer-link">
                    {selected.customer.name} {selected.customer.cardNo}
                  </Link>
                }
                data-testid="dcc-customer"
                data-customer-id={selected.customer.id}
              >
                <Descriptions.Item label={t('dcc.phone')}>{selected.customer.phone ?? '-'}</Descriptions.Item>
                <Descriptions.Item label={t('dcc.level')}>
                  {selected.lead.level ? <Tag>{selected.lead.level}</Tag> : '-'}
                </Descriptions.Item>
                <Descriptions.Item label={t('dcc.channel')}>{selected.lead.channel}</Descriptions.Item>
                <Descriptions.Item label={t('dcc.series')}>
                  {selected.lead.seriesName ?? '-'}
                </Descriptions.Item>
                <Descriptions.Item label={t('dcc.owner')}>
                  {selected.customer.ownerName ?? '-'}
                </Descriptions.Item>
                <Descriptions.Item label={t('dcc.note')}>{selected.lead.note ?? '-'}</Descriptions.Item>
              </Descriptions>
              <CallForm
                key={selected.leadId}
                leadId={selected.leadId}
                list={list}
                timeZone={timeZone}
                onSaved={(logged) => afterSave(selected, logged.invitation !== null)}
              />
            </>
          ) : (
            <Empty description={t('dcc.pickCustomer')} />
          )}
        </Card>
        <InboundBox />
      </Col>
    </Row>
  );
};
