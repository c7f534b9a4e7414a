import type { TComplianceReport, TComplianceUser } from '@qianke/contracts/reports/follow-up-compliance';
import { Alert, Card, Col, Empty, Row, Statistic, Table, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { formatDateTime } from '@/lib/format';
import type { DrilldownTarget } from '../api/get-drilldown';
import { useCompliance } from '../api/get-follow-up-compliance';
import { useReportFilter } from '../hooks/use-report-filter';
import type { ReportContext } from '../report-context';
import { ComparedValue, formatRate } from './compared-value';
import { DrillLink } from './drill-link';
import { DrilldownDrawer } from './drilldown-drawer';
import { ReportChart } from './report-chart';
import { ReportLayout } from './report-layout';

type Metric =
  | 'callbacks_due'
  | 'callbacks_missed'
  | 'tasks_due'
  | 'tasks_late'
  | 'overdue'
  | 'portal_leads'
  | 'portal_waiting';

const minutes = (value: number | null) => (value === null ? '—' : String(Math.round(value)));

/** Follow-up compliance (issue 6): 24 h call-backs, on-time follow-ups, overdue by user, portal response. */
export const FollowUpComplianceReport = ({ context }: { context: ReportContext }) => {
  const { t } = useTranslation();
  const { filter, setFilter } = useReportFilter(context.timeZone);
  const report = useCompliance(filter);
  const data: TComplianceReport | undefined = report.data;
  const [target, setTarget] = useState<DrilldownTarget>();
  const drill = (metric: Metric, who?: TComplianceUser, period: 'current' | 'previous' = 'current') =>
    setTarget({
      metric,
      key: who?.key,
      period,
      title: [
        t(`reports.followUpCompliance.metrics.${metric}`),
        who?.user.name,
        period === 'previous' ? t('reports.common.previous') : null,
      ]
        .filter(Boolean)
        .join(' · '),
    });

  const chartOption = useMemo(() => {
    const users = data?.byUser ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: {
        top: 0,
        data: [t('reports.followUpCompliance.callbackRate'), t('reports.followUpCompliance.onTimeRate')],
      },
      grid: { left: 48, right: 24, top: 40, bottom: 72 },
      xAxis: { type: 'category', data: users.map((u) => u.user.name), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: t('reports.followUpCompliance.callbackRate'),
          type: 'bar',
          data: users.map((u) => (u.callbackRate === null ? null : Math.round(u.callbackRate * 1000) / 10)),
        },
        {
          name: t('reports.followUpCompliance.onTimeRate'),
          type: 'bar',
          data: users.map((u) => (u.onTimeRate === null ? null : Math.round(u.onTimeRate * 1000) / 10)),
        },
      ],
    };
  }, [data, t]);

  const clickable = (metric: Metric, testId: string, children: ReactNode) => (
    <Card
      size="small"
      hoverable
      role="button"
      tabIndex={0}
      data-testid={testId}
      onClick={() => drill(metric)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') drill(metric);
      }}
    >
      {children}
    </Card>
  );

  return (
    <ReportLayout
      title={t('reports.followUpCompliance.title')}
      testId="compliance-report"
      report="follow-up-compliance"
      filter={filter}
      onFilter={setFilter}
      context={context}
    >
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('reports.followUpCompliance.definition')}
      </Typography.Paragraph>
      {report.isError ? <Alert type="error" showIcon title={describeApiError(report.error, t)} /> : null}
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          {clickable(
            'callbacks_due',
            'compliance-callbacks',
            <>
              <Statistic
                title={t('reports.followUpCompliance.callbackRate')}
                valueRender={() =>
                  data ? (
                    <ComparedValue value={data.callbacks.rate} rate testId="compliance-callback-rate" />
                  ) : (
                    '—'
                  )
                }
              />
              <Typography.Text type="secondary">
                {t('reports.followUpCompliance.metOfDue', {
                  met: data?.callbacks.met.current ?? 0,
                  due: data?.callbacks.due.current ?? 0,
                })}
              </Typography.Text>
            </>,
          )}
        </Col>
        <Col xs={12} md={6}>
          {clickable(
            'tasks_due',
            'compliance-tasks',
            <>
              <Statistic
                title={t('reports.followUpCompliance.onTimeRate')}
                valueRender={() =>
                  data ? <ComparedValue value={data.tasks.rate} rate testId="compliance-on-time-rate" /> : '—'
                }
              />
              <Typography.Text type="secondary">
                {t('reports.followUpCompliance.metOfDue', {
                  met: data?.tasks.onTime.current ?? 0,
                  due: data?.tasks.due.current ?? 0,
                })}
              </Typography.Text>
            </>,
          )}
        </Col>
        <Col xs={12} md={6}>
          {clickable(
            'overdue',
            'compliance-overdue',
            <Statistic title={t('reports.followUpCompliance.overdueNow')} value={data?.overdueNow ?? 0} />,
          )}
        </Col>
        <Col xs={12} md={6}>
          {clickable(
            'portal_leads',
            'compliance-portal',
            <>
              <Statistic
                title={t('reports.followUpCompliance.portalResponse')}
                valueRender={() => (
                  <span data-testid="compliance-portal-median">
                    {t('reports.followUpCompliance.medianP90', {
                      median: minutes(data?.portal.medianMinutes.current ?? null),
                      p90: minutes(data?.portal.p90Minutes.current ?? null),
                    })}
                  </span>
                )}
              />
              <Typography.Text type="secondary">
                {t('reports.followUpCompliance.portalCounts', {
                  leads: data?.portal.leads.current ?? 0,
                  waiting: data?.portal.waiting.current ?? 0,
                })}
              </Typography.Text>
            </>,
          )}
        </Col>
      </Row>
      <Card size="small" title={t('reports.followUpCompliance.chart')}>
        {(data?.byUser.length ?? 0) === 0 ? (
          <Empty description={t('reports.common.empty')} />
        ) : (
          <ReportChart
            option={chartOption}
            testId="compliance-chart"
            ariaLabel={t('reports.followUpCompliance.chart')}
            onPointClick={(point) => {
              const who = data?.byUser[point.dataIndex];
              if (who)
                drill(
                  point.seriesName === t('reports.followUpCompliance.onTimeRate')
                    ? 'tasks_due'
                    : 'callbacks_due',
                  who,
                );
            }}
          />
        )}
      </Card>
      <Card size="small" title={t('reports.followUpCompliance.byUser')}>
        <Table<TComplianceUser>
          rowKey="key"
          size="small"
          loading={report.isFetching}
          dataSource={data?.byUser ?? []}
          locale={{ emptyText: <Empty description={t('reports.common.empty')} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="compliance-table"
          columns={[
            { key: 'user', title: t('reports.followUpCompliance.user'), render: (_, u) => u.user.name },
            {
              key: 'callbacksDue',
              title: t('reports.followUpCompliance.metrics.callbacks_due'),
              align: 'right',
              render: (_, u) => (
                <DrillLink
                  value={u.callbacksDue}
                  onClick={() => drill('callbacks_due', u)}
                  testId="compliance-cell-callbacks"
                />
              ),
            },
            {
              key: 'callbackRate',
              title: t('reports.followUpCompliance.callbackRate'),
              align: 'right',
              sorter: (a, b) => (a.callbackRate ?? -1) - (b.callbackRate ?? -1),
              render: (_, u) => formatRate(u.callbackRate),
            },
            {
              key: 'tasksDue',
              title: t('reports.followUpCompliance.metrics.tasks_due'),
              align: 'right',
              render: (_, u) => (
                <DrillLink
                  value={u.tasksDue}
                  onClick={() => drill('tasks_due', u)}
                  testId="compliance-cell-tasks"
                />
              ),
            },
            {
              key: 'late',
              title: t('reports.followUpCompliance.metrics.tasks_late'),
              align: 'right',
              render: (_, u) => (
                <DrillLink
                  value={u.tasksDue - u.tasksOnTime}
                  onClick={() => drill('tasks_late', u)}
                  testId="compliance-cell-late"
                />
              ),
            },
            {
              key: 'onTimeRate',
              title: t('reports.followUpCompliance.onTimeRate'),
              align: 'right',
              sorter: (a, b) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1),
              render: (_, u) => formatRate(u.onTimeRate),
            },
            {
              key: 'overdueNow',
              title: t('reports.followUpCompliance.overdueNow'),
              align: 'right',
              sorter: (a, b) => a.overdueNow - b.overdueNow,
              defaultSortOrder: 'descend',
              render: (_, u) => (
                <DrillLink
                  value={u.overdueNow}
                  onClick={() => drill('overdue', u)}
                  testId="compliance-cell-overdue"
                />
              ),
            },
            {
              key: 'oldest',
              title: t('reports.followUpCompliance.oldestOverdue'),
              render: (_, u) =>
                u.oldestOverdueAt
                  ? formatDateTime(u.oldestOverdueAt, context.timeZone, context.language)
                  : '—',
            },
          ]}
        />
      </Card>
      <DrilldownDrawer
        report="follow-up-compliance"
        filter={filter}
        target={target}
        onClose={() => setTarget(undefined)}
        context={context}
      />
    </ReportLayout>
  );
};
