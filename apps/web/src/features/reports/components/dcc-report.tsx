import type { TDccReportAgent } from '@qianke/contracts/reports/dcc';
import { Alert, Card, Col, Empty, Row, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { useDccReport } from '../api/get-dcc-report';
import type { DrilldownTarget } from '../api/get-drilldown';
import { useReportFilter } from '../hooks/use-report-filter';
import type { ReportContext } from '../report-context';
import { ComparedValue, formatRate } from './compared-value';
import { DrillLink } from './drill-link';
import { DrilldownDrawer } from './drilldown-drawer';
import { ReportChart } from './report-chart';
import { ReportLayout } from './report-layout';

type Metric = 'calls' | 'reached' | 'invitations' | 'arrived' | 'ordered';
const METRICS: readonly Metric[] = ['calls', 'reached', 'invitations', 'arrived', 'ordered'];
type Rate = 'reachRate' | 'invitationRate' | 'arrivalRate' | 'invitationToOrderRate';
/** The rate shown under each count (null: none). */
const RATE_OF: Record<Metric, Rate | null> = {
  calls: null,
  reached: 'reachRate',
  invitations: 'invitationRate',
  arrived: 'arrivalRate',
  ordered: 'invitationToOrderRate',
};

/** The DCC report (issue 6): calls, reach, invitations, arrivals and invitation-to-order per agent. */
export const DccReport = ({ context }: { context: ReportContext }) => {
  const { t } = useTranslation();
  const { filter, setFilter } = useReportFilter(context.timeZone);
  const report = useDccReport(filter);
  const data = report.data;
  const [target, setTarget] = useState<DrilldownTarget>();
  const name = (metric: Metric) => t(`reports.dcc.metrics.${metric}`);
  const drill = (metric: Metric, agent?: TDccReportAgent, period: 'current' | 'previous' = 'current') =>
    setTarget({
      metric,
      key: agent?.key,
      period,
      title: [name(metric), agent?.agent.name, period === 'previous' ? t('reports.common.previous') : null]
        .filter(Boolean)
        .join(' · '),
    });

  const chartOption = useMemo(() => {
    const agents = data?.byAgent ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: METRICS.map((m) => t(`reports.dcc.metrics.${m}`)) },
      grid: { left: 48, right: 24, top: 40, bottom: 72 },
      xAxis: { type: 'category', data: agents.map((a) => a.agent.name), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: METRICS.map((m) => ({
        name: t(`reports.dcc.metrics.${m}`),
        type: 'bar',
        data: agents.map((a) => a[m]),
      })),
    };
  }, [data, t]);

  return (
    <ReportLayout
      title={t('reports.dcc.title')}
      testId="dcc-report"
      report="dcc"
      filter={filter}
      onFilter={setFilter}
      context={context}
    >
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('reports.dcc.definition')}
      </Typography.Paragraph>
      {report.isError ? <Alert type="error" showIcon title={describeApiError(report.error, t)} /> : null}
      <Row gutter={[12, 12]}>
        {METRICS.map((metric) => {
          const rateKey = RATE_OF[metric];
          return (
            <Col key={metric} xs={12} md={8} xl={4}>
              <Card
                size="small"
                hoverable
                role="button"
                tabIndex={0}
                data-testid={`dcc-total-${metric}`}
                onClick={() => drill(metric)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') drill(metric);
                }}
              >
                <Statistic
                  title={name(metric)}
                  valueRender={() =>
                    data ? <ComparedValue value={data.totals[metric]} testId={`dcc-count-${metric}`} /> : '—'
                  }
                />
                {rateKey && data ? (
                  <Typography.Text type="secondary">
                    {t(`reports.dcc.rates.${rateKey}`)} <ComparedValue value={data.totals[rateKey]} rate />
                  </Typography.Text>
                ) : null}
              </Card>
            </Col>
          );
        })}
      </Row>
      <Card size="small" title={t('reports.dcc.chart')}>
        {(data?.byAgent.length ?? 0) === 0 ? (
          <Empty description={t('reports.common.empty')} />
        ) : (
          <ReportChart
            option={chartOption}
            testId="dcc-chart"
            ariaLabel={t('reports.dcc.chart')}
            onPointClick={(point) => {
              const agent = data?.byAgent[point.dataIndex];
              const metric = METRICS.find((m) => t(`reports.dcc.metrics.${m}`) === point.seriesName);
              if (agent && metric) drill(metric, agent);
            }}
          />
        )}
      </Card>
      <Card size="small" title={t('reports.dcc.byAgent')}>
        <Table<TDccReportAgent>
          rowKey="key"
          size="small"
          loading={report.isFetching}
          dataSource={data?.byAgent ?? []}
          locale={{ emptyText: <Empty description={t('reports.common.empty')} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="dcc-table"
          columns={[
            { key: 'agent', title: t('reports.dcc.agent'), render: (_, a) => a.agent.name },
            ...METRICS.flatMap((metric) => {
              const rateKey = RATE_OF[metric];
              const count = {
                key: metric,
                title: name(metric),
                align: 'right' as const,
                sorter: (a: TDccReportAgent, b: TDccReportAgent) => a[metric] - b[metric],
                render: (_: unknown, a: TDccReportAgent) => (
                  <DrillLink
                    value={a[metric]}
                    onClick={() => drill(metric, a)}
                    testId={`dcc-cell-${metric}`}
                  />
                ),
              };
              if (!rateKey) return [count];
              return [
                count,
                {
                  key: rateKey,
                  title: t(`reports.dcc.rates.${rateKey}`),
                  align: 'right' as const,
                  render: (_: unknown, a: TDccReportAgent) => formatRate(a[rateKey]),
                },
              ];
            }),
          ]}
        />
      </Card>
      <DrilldownDrawer
        report="dcc"
        filter={filter}
        target={target}
        onClose={() => setTarget(undefined)}
        context={context}
      />
    </ReportLayout>
  );
};
