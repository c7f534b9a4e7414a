import type { TPlanLine } from '@qianke/contracts/reports/monthly-plan';
import { COUNT_METRICS } from '@qianke/core/reports/kpi';
import { Alert, Card, Empty, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import type { DrilldownTarget } from '../api/get-drilldown';
import { useMonthlyPlan } from '../api/get-monthly-plan';
import { useReportFilter } from '../hooks/use-report-filter';
import type { ReportContext } from '../report-context';
import { formatRate } from './compared-value';
import { DrillLink } from './drill-link';
import { DrilldownDrawer } from './drilldown-drawer';
import { COUNT_LEVELS, LEVEL_COLOURS } from './level-counts';
import { MonthPicker } from './month-picker';
import { ReportChart } from './report-chart';
import { ReportLayout } from './report-layout';

type Drill = DrilldownTarget & { report: 'progress' | 'kpi'; level?: string };

/** Monthly sales activity plan (月度销售活动计划表, issue 6): prospects by level at month end, targets, attainment. */
export const MonthlyPlanReport = ({ context }: { context: ReportContext }) => {
  const { t } = useTranslation();
  const { filter, setFilter } = useReportFilter(context.timeZone);
  const report = useMonthlyPlan(filter);
  const [target, setTarget] = useState<Drill>();
  const data = report.data;
  const lineName = (line: TPlanLine) => line.consultant?.name ?? t('reports.monthlyPlan.store');

  const chartOption = useMemo(() => {
    const lines = data?.lines ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: COUNT_LEVELS.map((l) => t(`reports.management.levels.${l}`)) },
      grid: { left: 48, right: 24, top: 48, bottom: 32 },
      xAxis: {
        type: 'category',
        data: lines.map((l) => l.consultant?.name ?? t('reports.monthlyPlan.store')),
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: COUNT_LEVELS.map((level) => ({
        name: t(`reports.management.levels.${level}`),
        type: 'bar',
        stack: 'prospects',
        itemStyle: { color: LEVEL_COLOURS[level] },
        data: lines.map((l) => l.prospects[level]),
      })),
    };
  }, [data, t]);

  const drillProspects = (line: TPlanLine, level?: string) =>
    setTarget({
      report: 'progress',
      metric: 'carried',
      key: line.consultant?.id,
      ...(level ? { level } : {}),
      title: [t('reports.monthlyPlan.prospects'), level, lineName(line)].filter(Boolean).join(' · '),
    });

  const columns = [
    { title: t('reports.common.consultant'), key: 'who', render: (_: unknown, l: TPlanLine) => lineName(l) },
    {
      title: t('reports.monthlyPlan.prospects'),
      key: 'prospects',
      children: [
        ...COUNT_LEVELS.map((level) => ({
          title: t(`reports.management.levels.${level}`),
          key: level,
          align: 'right' as const,
          render: (_: unknown, l: TPlanLine) => (
            <DrillLink
              value={l.prospects[level]}
              onClick={() => drillProspects(l, level)}
              testId={`plan-${level}-${l.consultant?.id ?? 'store'}`}
            />
          ),
        })),
        {
          title: t('reports.monthlyPlan.carried'),
          key: 'carried',
          align: 'right' as const,
          render: (_: unknown, l: TPlanLine) => (
            <DrillLink
              value={l.carried}
              onClick={() => drillProspects(l)}
              testId={`plan-carried-${l.consultant?.id ?? 'store'}`}
            />
          ),
        },
      ],
    },
    { title: t('reports.monthlyPlan.new'), dataIndex: 'new', key: 'new', align: 'right' as const },
    { title: t('reports.monthlyPlan.sold'), dataIndex: 'sold', key: 'sold', align: 'right' as const },
    {
      title: t('reports.monthlyPlan.defeated'),
      dataIndex: 'defeated',
      key: 'defeated',
      align: 'right' as const,
    },
    ...COUNT_METRICS.map((metric) => ({
      title: t(`reports.management.metrics.${metric}`),
      key: metric,
      align: 'right' as const,
      render: (_: unknown, l: TPlanLine) => {
        const f = l.figures.find((x) => x.metric === metric);
        if (!f) return '—';
        return (
          <span data-testid={`plan-${metric}-${l.consultant?.id ?? 'store'}`}>
            {t('reports.monthlyPlan.targetActual', { actual: f.actual ?? '—', target: f.target ?? '—' })}
            <br />
            <Typography.Text type="secondary">{formatRate(f.attainment)}</Typography.Text>
          </span>
        );
      },
    })),
  ];

  const rows = data ? [...data.lines, ...(data.store ? [data.store] : [])] : [];
  return (
    <ReportLayout
      title={t('reports.monthlyPlan.title')}
      testId="monthly-plan-report"
      report="monthly-plan"
      filter={filter}
      onFilter={setFilter}
      context={context}
      extra={<MonthPicker filter={filter} onFilter={setFilter} testId="monthly-plan-month" />}
    >
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('reports.monthlyPlan.definition', { month: data?.month ?? '' })}
      </Typography.Paragraph>
      {report.isError ? <Alert type="error" showIcon title={describeApiError(report.error, t)} /> : null}
      <Card size="small" title={t('reports.monthlyPlan.chart')}>
        {(data?.lines.length ?? 0) === 0 ? (
          <Empty description={t('reports.common.empty')} />
        ) : (
          <ReportChart
            option={chartOption}
            testId="monthly-plan-chart"
            ariaLabel={t('reports.monthlyPlan.chart')}
            onPointClick={(point) => {
              const line = data?.lines[point.dataIndex];
              const level = COUNT_LEVELS.find(
                (l) => t(`reports.management.levels.${l}`) === point.seriesName,
              );
              if (line && level) drillProspects(line, level);
            }}
          />
        )}
      </Card>
      <Table<TPlanLine>
        size="small"
        bordered
        rowKey={(l) => l.consultant?.id ?? 'store'}
        dataSource={rows}
        columns={columns}
        loading={report.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('reports.common.empty')} /> }}
        scroll={{ x: true }}
        data-testid="monthly-plan-table"
      />
      <DrilldownDrawer
        report={target?.report ?? 'progress'}
        filter={{ ...filter, ...(target?.level ? { level: target.level } : {}) }}
        target={target}
        onClose={() => setTarget(undefined)}
        context={context}
      />
    </ReportLayout>
  );
};
