import { EditOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { TVisit, TVisitKind } from '@qianke/contracts/showroom';
import { storeDateOf } from '@qianke/core/showroom/store-day';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Row,
  Segmented,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { useVisits } from '../api/get-visits';
import { useVisitLogFilters } from '../hooks/use-visit-log-filters';
import { CustomerCell } from './customer-cell';
import { EditVisitModal } from './edit-visit-modal';
import { describeShowroomError, formatClock, formatStay, seriesName, sourceName } from './showroom-text';
import { FirstVisitTag, KindTag } from './visit-tags';

type KindFilter = TVisitKind | 'all';

type VisitLogProps = {
  timeZone: string;
  /** The receptionist corrects entries; everyone else reads. */
  canLog: boolean;
};

/** One day's traffic log (展厅客流登记), by the store's calendar, with the day's figures. */
export const VisitLog = ({ timeZone, canLog }: VisitLogProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { filters, update } = useVisitLogFilters();
  // Only today's log changes by itself (other desks log arrivals); past days stay as they are.
  const isToday = !filters.date || filters.date === storeDateOf(new Date(), timeZone);
  const log = useVisits(
    { view: 'day', date: filters.date, kind: filters.kind },
    { refreshEveryMs: isToday ? 30_000 : 0 },
  );
  const [editing, setEditing] = useState<TVisit | null>(null);
  const shownDate = log.data?.date ?? filters.date;
  const summary = log.data?.summary;

  const columns: TableColumnsType<TVisit> = [
    {
      key: 'arrivedAt',
      title: t('showroom.columns.arrivedAt'),
      render: (_, visit) => formatClock(visit.arrivedAt, timeZone, language),
    },
    {
      key: 'leftAt',
      title: t('showroom.columns.leftAt'),
      render: (_, visit) =>
        visit.kind === 'phone_in' ? (
          '-'
        ) : visit.leftAt ? (
          formatClock(visit.leftAt, timeZone, language)
        ) : visit.inShowroomNow ? (
          <Tag color="green">{t('showroom.visit.inShowroom')}</Tag>
        ) : (
          <Typography.Text type="secondary">{t('showroom.visit.noTimeOut')}</Typography.Text>
        ),
    },
    {
      key: 'stay',
      title: t('showroom.columns.stay'),
      render: (_, visit) => (visit.stayMinutes === null ? '-' : formatStay(visit.stayMinutes, t)),
    },
    { key: 'kind', title: t('showroom.columns.kind'), render: (_, visit) => <KindTag kind={visit.kind} /> },
    {
      key: 'firstVisit',
      title: t('showroom.columns.firstVisit'),
      render: (_, visit) => <FirstVisitTag kind={visit.kind} firstVisit={visit.firstVisit} />,
    },
    {
      key: 'customer',
      title: t('showroom.columns.customer'),
      render: (_, visit) => <CustomerCell visit={visit} />,
    },
    { key: 'partySize', dataIndex: 'partySize', title: t('showroom.columns.partySize') },
    {
      key: 'consultant',
      title: t('showroom.columns.consultant'),
      render: (_, visit) => visit.consultant?.name ?? '-',
    },
    {
      key: 'series',
      title: t('showroom.columns.series'),
      render: (_, visit) => (visit.series ? seriesName(visit.series, language) : '-'),
    },
    {
      key: 'source',
      title: t('showroom.columns.source'),
      render: (_, visit) => (visit.source ? sourceName(visit.source, language) : '-'),
    },
    {
      key: 'callbackDueAt',
      title: t('showroom.columns.callbackDueAt'),
      render: (_, visit) => formatDateTime(visit.callbackDueAt, timeZone, language) ?? '-',
    },
    {
      key: 'note',
      title: t('showroom.columns.note'),
      render: (_, visit) => (
        <Flex wrap gap={4}>
          {visit.closedOnSpot && <Tag color="red">{t('showroom.visit.closedOnSpot')}</Tag>}
          {visit.note ?? ''}
        </Flex>
      ),
    },
    ...(canLog
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, visit: TVisit) => (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                onClick={() => setEditing(visit)}
                data-testid="edit-visit"
              >
                {t('showroom.edit.action')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const kindOptions: { value: KindFilter; label: string }[] = [
    { value: 'all', label: t('showroom.log.allKinds') },
    { value: 'visit', label: t('showroom.kind.visit') },
    { value: 'phone_in', label: t('showroom.kind.phone_in') },
  ];

  const rate = summary?.retentionRate;
  return (
    <Card
      title={
        <span>
          <UnorderedListOutlined style={{ marginInlineEnd: 8 }} />
          {t('showroom.log.title')}
        </span>
      }
      extra={
        <Flex wrap gap={8} align="center">
          <DatePicker
            allowClear={false}
            value={shownDate ? dayjs(shownDate) : null}
            onChange={(day: Dayjs | null) => update({ date: day ? day.format('YYYY-MM-DD') : undefined })}
            aria-label={t('showroom.log.date')}
            data-testid="log-date"
          />
          <Segmented<KindFilter>
            value={filters.kind ?? 'all'}
            onChange={(kind) => update({ kind: kind === 'all' ? undefined : kind })}
            options={kindOptions}
            data-testid="log-kind"
          />
        </Flex>
      }
      data-testid="visit-log"
    >
      <Flex vertical gap={16}>
        {log.isError && (
          <Alert
            type="error"
            showIcon
            title={t('showroom.log.loadFailed')}
            description={describeShowroomError(log.error, t)}
            action={
              <Button size="small" onClick={() => void log.refetch()}>
                {t('common.retry')}
              </Button>
            }
          />
        )}
        <Row gutter={[16, 8]} data-testid="log-summary">
          <Col xs={12} md={4}>
            <Statistic title={t('showroom.log.summary.visits')} value={summary?.visits ?? '-'} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('showroom.log.summary.people')} value={summary?.people ?? '-'} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('showroom.log.summary.phoneIns')} value={summary?.phoneIns ?? '-'} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('showroom.log.summary.firstVisits')} value={summary?.firstVisits ?? '-'} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('showroom.log.summary.leftContact')} value={summary?.leftContact ?? '-'} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              title={t('showroom.log.summary.retentionRate')}
              value={rate === null || rate === undefined ? '-' : Math.round(rate * 100)}
              suffix={rate === null || rate === undefined ? undefined : '%'}
            />
          </Col>
        </Row>
        <Table<TVisit>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={log.data?.items ?? []}
          loading={log.isFetching && !log.data}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('showroom.log.empty')} />,
          }}
          data-testid="visit-log-table"
        />
      </Flex>
      {canLog && <EditVisitModal visit={editing} timeZone={timeZone} onClose={() => setEditing(null)} />}
    </Card>
  );
};
