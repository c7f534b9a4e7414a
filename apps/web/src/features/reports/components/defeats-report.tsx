import type { TDefeatGroup, TDefeatsReport, TManagerApproval } from '@qianke/contracts/reports/defeats';
import { Alert, Card, Col, Empty, Flex, Row, Segmented, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { useDefeats } from '../api/get-defeats';
import type { DrilldownTarget } from '../api/get-drilldown';
import { useReportFilter } from '../hooks/use-report-filter';
import type { ReportContext } from '../report-context';
import { ComparedValue, formatRate } from './compared-value';
import { DrillLink } from './drill-link';
import { DrilldownDrawer } from './drilldown-drawer';
import { ReportChart } from './report-chart';
import { ReportLayout } from './report-layout';

type Breakdown = 'byReason' | 'byCompetitor' | 'byConsultant' | 'bySeries';
const BREAKDOWNS: readonly Breakdown[] = ['byReason', 'byCompetitor', 'byConsultant', 'bySeries'];
type Metric = 'confirmed' | 'rejected' | 'pending' | 'decided';

const hours = (value: number | null) => (value === null ? '—' : value.toFixed(1));

/** Defeat statistics and analysis (issue 6): confirmed defeats by reason, competitor, consultant, series. */
export const DefeatsReport = ({ context }: { context: ReportContext }) => {
  const { t } = useTranslation();
  const { filter, setFilter, param, setParam } = useReportFilter(context.timeZone);
  const report = useDefeats(filter);
  const [target, setTarget] = useState<DrilldownTarget>();
  const byParam = param('by') as Breakdown;
  const by: Breakdown = BREAKDOWNS.includes(byParam) ? byParam : 'byReason';
  const groupName = (g: TDefeatGroup) =>
    (context.language === 'en' ? (g.nameEn ?? g.nameZh) : (g.nameZh ?? g.nameEn)) ?? t('reports.common.none');
  const drill = (metric: Metric, title: string, key?: string, period: 'current' | 'previous' = 'current') =>
    setTarget({
      metric,
      key,
      period,
      title: [
        t(`reports.defeats.metrics.${metric}`),
        title,
        period === 'previous' ? t('reports.common.previous') : null,
      ]
        .filter(Boolean)
        .join(' · '),
    });
  const data: TDefeatsReport | undefined = report.data;
  const groups = data?.[by] ?? [];

  const chartOption = useMemo(() => {
    const rows = data?.byReason ?? [];
    const name = (g: TDefeatGroup) =>
      (context.language === 'en' ? (g.nameEn ?? g.nameZh) : (g.nameZh ?? g.nameEn)) ??
      t('reports.common.none');
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('reports.common.current'), t('reports.common.previous')] },
      grid: { left: 48, right: 24, top: 40, bottom: 72 },
      xAxis: { type: 'category', data: rows.map(name), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('reports.common.current'),
          type: 'bar',
          data: rows.map((g) => g.confirmed.current),
          label: { show: true, position: 'top' },
        },
        { name: t('reports.common.previous'), type: 'bar', data: rows.map((g) => g.confirmed.previous) },
      ],
    };
  }, [data, t, context.language]);

  const totals = data?.totals;
  const card = (metric: Metric, value: { current: number; previous: number } | undefined) => (
    <Col xs={12} md={6}>
      <Card
        size="small"
        hoverable
        role="button"
        tabIndex={0}
        data-testid={`defeats-total-${metric}`}
        onClick={() => drill(metric, '')}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') drill(metric, '');
        }}
      >
        <Statistic
          title={t(`reports.defeats.metrics.${metric}`)}
          valueRender={() =>
            value ? <ComparedValue value={value} testId={`defeats-count-${metric}`} /> : '—'
          }
        />
      </Card>
    </Col>
  );

  return (
    <ReportLayout
      title={t('reports.defeats.title')}
      testId="defeats-report"
      report="defeats"
      filter={filter}
      onFilter={setFilter}
      context={context}
    >
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('reports.defeats.definition')}
      </Typography.Paragraph>
      {report.isError ? <Alert type="error" showIcon title={describeApiError(report.error, t)} /> : null}
      <Row gutter={[12, 12]}>
        {card('confirmed', totals?.confirmed)}
        {card('rejected', totals?.rejected)}
        {card('pending', totals?.pending)}
        <Col xs={12} md={6}>
          <Card size="small" data-testid="defeats-approval-time">
            <Statistic
              title={t('reports.defeats.approvalTime')}
              valueRender={() => (
                <span>
                  {t('reports.defeats.medianAverage', {
                    median: hours(totals?.medianApprovalHours.current ?? null),
                    average: hours(totals?.averageApprovalHours.current ?? null),
                  })}
                </span>
              )}
            />
            <Typography.Text type="secondary">
              {t('reports.common.previousShort', {
                value: hours(totals?.medianApprovalHours.previous ?? null),
              })}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('reports.defeats.chart')}>
        {(data?.byReason.length ?? 0) === 0 ? (
          <Empty description={t('reports.common.empty')} />
        ) : (
          <ReportChart
            option={chartOption}
            testId="defeats-chart"
            ariaLabel={t('reports.defeats.chart')}
            onPointClick={(point) => {
              const g = data?.byReason[point.dataIndex];
              if (g)
                drill(
                  'confirmed',
                  groupName(g),
                  g.key,
                  point.seriesName === t('reports.common.previous') ? 'previous' : 'current',
                );
            }}
          />
        )}
      </Card>
      <Card
        size="small"
        title={
          <Flex align="center" gap={12} wrap>
            <span>{t('reports.defeats.breakdown')}</span>
            <Segmented<Breakdown>
              value={by}
              onChange={(value) => setParam('by', value)}
              options={BREAKDOWNS.filter((b) => !(context.ownFiguresOnly && b === 'byConsultant')).map(
                (b) => ({
                  value: b,
                  label: t(`reports.defeats.by.${b}`),
                }),
              )}
              data-testid="defeats-by"
            />
          </Flex>
        }
      >
        <Table<TDefeatGroup>
          rowKey="key"
          size="small"
          loading={report.isFetching}
          dataSource={groups}
          locale={{ emptyText: <Empty description={t('reports.common.empty')} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="defeats-table"
          columns={[
            { key: 'name', title: t(`reports.defeats.by.${by}`), render: (_, g) => groupName(g) },
            {
              key: 'confirmed',
              title: t('reports.defeats.metrics.confirmed'),
              align: 'right',
              sorter: (a, b) => a.confirmed.current - b.confirmed.current,
              render: (_, g) => (
                <DrillLink
                  value={g.confirmed.current}
                  onClick={() => drill('confirmed', groupName(g), g.key)}
                  testId="defeats-cell-confirmed"
                />
              ),
            },
            {
              key: 'previous',
              title: t('reports.common.previous'),
              align: 'right',
              render: (_, g) => (
                <DrillLink
                  value={g.confirmed.previous}
                  onClick={() => drill('confirmed', groupName(g), g.key, 'previous')}
                  testId="defeats-cell-previous"
                />
              ),
            },
            {
              key: 'share',
              title: t('reports.defeats.share'),
              align: 'right',
              render: (_, g) => formatRate(g.share),
            },
            {
              key: 'rejected',
              title: t('reports.defeats.metrics.rejected'),
              align: 'right',
              render: (_, g) => (
                <DrillLink
                  value={g.rejected}
                  onClick={() => drill('rejected', groupName(g), g.key)}
                  testId="defeats-cell-rejected"
                />
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('reports.defeats.byManager')}>
        <Table<TManagerApproval>
          rowKey="key"
          size="small"
          dataSource={data?.approvalByManager ?? []}
          locale={{ emptyText: <Empty description={t('reports.common.empty')} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="defeats-managers"
          columns={[
            { key: 'manager', title: t('reports.defeats.manager'), render: (_, m) => m.manager.name },
            {
              key: 'decided',
              title: t('reports.defeats.metrics.decided'),
              align: 'right',
              render: (_, m) => (
                <DrillLink
                  value={m.decided}
                  onClick={() => drill('decided', m.manager.name, m.key)}
                  testId="defeats-cell-decided"
                />
              ),
            },
            { key: 'approved', title: t('reports.defeats.approved'), align: 'right', dataIndex: 'approved' },
            {
              key: 'rejected',
              title: t('reports.defeats.metrics.rejected'),
              align: 'right',
              dataIndex: 'rejected',
            },
            {
              key: 'median',
              title: t('reports.defeats.medianHours'),
              align: 'right',
              render: (_, m) => hours(m.medianApprovalHours),
            },
            {
              key: 'average',
              title: t('reports.defeats.averageHours'),
              align: 'right',
              render: (_, m) => hours(m.averageApprovalHours),
            },
          ]}
        />
      </Card>
      <DrilldownDrawer
        report="defeats"
        filter={filter}
        target={target}
        onClose={() => setTarget(undefined)}
        context={context}
      />
    </ReportLayout>
  );
};
