import { LogoutOutlined, ShopOutlined } from '@ant-design/icons';
import type { TVisit } from '@qianke/contracts/showroom';
import { Alert, App, Badge, Button, Card, Empty, Table, type TableColumnsType, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '@/lib/api-client';
import { useLanguage } from '@/lib/i18n/use-language';
import { useDepartVisit } from '../api/depart-visit';
import { useVisits } from '../api/get-visits';
import { useNow } from '../hooks/use-now';
import { CustomerCell } from './customer-cell';
import { describeShowroomError, formatClock, formatStay, minutesSince, seriesName } from './showroom-text';
import { FirstVisitTag } from './visit-tags';

type ShowroomBoardProps = {
  timeZone: string;
  /** The receptionist marks visitors as left; everyone else sees the board read-only. */
  canLog: boolean;
};

/** "In the showroom now": who arrived today and has not left, with how long they have been here. */
export const ShowroomBoard = ({ timeZone, canLog }: ShowroomBoardProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const now = useNow(15_000);
  const board = useVisits({ view: 'now' }, { refreshEveryMs: 30_000 });
  const depart = useDepartVisit();

  const markLeft = (visit: TVisit) => {
    depart.mutate(visit.id, {
      onSuccess: (left) =>
        void message.success(
          t('showroom.board.departed', {
            who: left.customer?.name ?? t('showroom.form.anonymous'),
            stay: formatStay(left.stayMinutes ?? 0, t),
          }),
        ),
      onError: (error) => {
        if (hasErrorCode(error, 'conflict')) void message.info(t('showroom.errors.alreadyLeft'));
        else void message.error(describeShowroomError(error, t));
      },
    });
  };

  const columns: TableColumnsType<TVisit> = [
    {
      key: 'arrivedAt',
      title: t('showroom.columns.arrivedAt'),
      render: (_, visit) => formatClock(visit.arrivedAt, timeZone, language),
    },
    {
      key: 'stay',
      title: t('showroom.columns.stay'),
      render: (_, visit) => (
        <span data-testid="board-stay">{formatStay(minutesSince(visit.arrivedAt, now), t)}</span>
      ),
    },
    {
      key: 'customer',
      title: t('showroom.columns.customer'),
      render: (_, visit) => <CustomerCell visit={visit} />,
    },
    {
      key: 'visit',
      title: t('showroom.columns.firstVisit'),
      render: (_, visit) => <FirstVisitTag kind={visit.kind} firstVisit={visit.firstVisit} />,
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
    ...(canLog
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, visit: TVisit) => (
              <Button
                size="small"
                icon={<LogoutOutlined />}
                loading={depart.isPending && depart.variables === visit.id}
                onClick={() => markLeft(visit)}
                data-testid="depart-visit"
              >
                {t('showroom.board.depart')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const count = board.data?.items.length ?? 0;
  return (
    <Card
      title={
        <span>
          <ShopOutlined style={{ marginInlineEnd: 8 }} />
          {t('showroom.board.title')}
          <Badge
            count={count}
            showZero
            color="green"
            style={{ marginInlineStart: 8 }}
            data-testid="board-count"
          />
        </span>
      }
      extra={
        board.data ? (
          <Typography.Text type="secondary">
            {t('showroom.board.people', { count: board.data.items.reduce((n, v) => n + v.partySize, 0) })}
          </Typography.Text>
        ) : null
      }
      data-testid="showroom-board"
    >
      {board.isError && (
        <Alert
          type="error"
          showIcon
          title={t('showroom.board.loadFailed')}
          description={describeShowroomError(board.error, t)}
          action={
            <Button size="small" onClick={() => void board.refetch()}>
              {t('common.retry')}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<TVisit>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={board.data?.items ?? []}
        loading={board.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(visit) => ({ 'data-testid': `board-row-${visit.id}` }) as HTMLAttributes<HTMLElement>}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('showroom.board.empty')} />,
        }}
      />
    </Card>
  );
};
