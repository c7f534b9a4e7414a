import { PrinterOutlined } from '@ant-design/icons';
import type { TActivityCounts, TDailyActivityRow } from '@qianke/contracts/reports/daily-activity';
import { ACTIVITY_KINDS, type ActivityKind } from '@qianke/core/reports/daily-activity';
import { Alert, Button, Card, DatePicker, Empty, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { formatDateTime } from '@/lib/format';
import { useDailyActivity } from '../api/get-daily-activity';
import type { DrilldownTarget } from '../api/get-drilldown';
import { useReportFilter } from '../hooks/use-report-filter';
import type { ReportContext } from '../report-context';
import { DrillLink } from './drill-link';
import { DrilldownDrawer } from './drilldown-drawer';
import { ReportChart } from './report-chart';
import { ReportLayout } from './report-layout';

/** On paper only the sheet shows: the menu, header, filters and buttons are hidden (like the order sheet). */
const PRINT_CSS = `
@media print {
  .ant-layout-sider, .ant-layout-header, [data-testid="demo-banner"] { display: none !important; }
  body * { visibility: hidden; }
  [data-testid="daily-activity-report"] > :not(.daily-activity-sheet) { display: none !important; }
  .daily-activity-sheet, .daily-activity-sheet * { visibility: visible; }
  .daily-activity-sheet { position: absolute; left: 0; top: 0; width: 100%; }
  .daily-activity-sheet .ant-btn { border: none; padding: 0; color: #000; }
  .daily-activity-sheet .print-only { display: block !important; }
  @page { size: A4 landscape; margin: 12mm; }
}
.daily-activity-sheet .print-only { display: none; }
.daily-activity-sheet h2 { text-align: center; margin: 0 0 8px; }
.daily-activity-sheet .signature { margin-top: 32px; text-align: right; }
`;

type Line = { key: string; name: string; consultantId?: string; counts: TActivityCounts; total: number };

/** Consultant daily activity report (销售人员活动日报表, issue 6): one line per consultant, printable. */
export const DailyActivityReport = ({ context }: { context: ReportContext }) => {
  const { t } = useTranslation();
  const { filter, setFilter } = useReportFilter(context.timeZone);
  const report = useDailyActivity(filter);
  const [target, setTarget] = useState<DrilldownTarget>();
  const [printedAt] = useState(() => new Date().toISOString());
  const data = report.data;
  const drill = (kind: ActivityKind, line: Line) =>
    setTarget({
      metric: kind,
      key: line.consultantId,
      title: [t(`reports.dailyActivity.kinds.${kind}`), line.name].join(' · '),
    });

  const lines: Line[] = (data?.rows ?? []).map((row: TDailyActivityRow) => ({
    key: row.consultant.id,
    name: row.consultant.name,
    consultantId: row.consultant.id,
    counts: row.current,
    total: row.total.current,
  }));
  const totalLine: Line | undefined = data
    ? {
        key: 'total',
        name: t('reports.dailyActivity.total'),
        counts: data.total.current,
        total: ACTIVITY_KINDS.reduce((sum, k) => sum + data.total.current[k], 0),
      }
    : undefined;

  const chartOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('reports.common.current'), t('reports.common.previous')] },
      grid: { left: 48, right: 24, top: 40, bottom: 48 },
      xAxis: {
        type: 'category',
        data: ACTIVITY_KINDS.map((k) => t(`reports.dailyActivity.kinds.${k}`)),
        axisLabel: { interval: 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('reports.common.current'),
          type: 'bar',
          label: { show: true, position: 'top' },
          data: ACTIVITY_KINDS.map((k) => data?.total.current[k] ?? 0),
        },
        {
          name: t('reports.common.previous'),
          type: 'bar',
          data: ACTIVITY_KINDS.map((k) => data?.total.previous[k] ?? 0),
        },
      ],
    }),
    [data, t],
  );

  const columns = [
    {
      title: t('reports.common.consultant'),
      dataIndex: 'name',
      key: 'name',
      sorter: (a: Line, b: Line) => a.name.localeCompare(b.name, 'zh-CN'),
    },
    ...ACTIVITY_KINDS.map((kind) => ({
      title: t(`reports.dailyActivity.kinds.${kind}`),
      key: kind,
      align: 'right' as const,
      sorter: (a: Line, b: Line) => a.counts[kind] - b.counts[kind],
      render: (_: unknown, line: Line) => (
        <DrillLink
          value={line.counts[kind]}
          onClick={() => drill(kind, line)}
          testId={`daily-${kind}-${line.key}`}
        />
      ),
    })),
    {
      title: t('reports.dailyActivity.total'),
      key: 'total',
      align: 'right' as const,
      sorter: (a: Line, b: Line) => a.total - b.total,
      render: (_: unknown, line: Line) => (
        <strong data-testid={`daily-total-${line.key}`}>{line.total}</strong>
      ),
    },
  ];

  const single = filter.from === filter.to;
  return (
    <ReportLayout
      title={t('reports.dailyActivity.title')}
      testId="daily-activity-report"
      report="daily-activity"
      filter={filter}
      onFilter={setFilter}
      context={context}
      extra={
        <>
          <DatePicker
            allowClear={false}
            value={dayjs(filter.to)}
            onChange={(value) => {
              if (value) setFilter({ from: value.format('YYYY-MM-DD'), to: value.format('YYYY-MM-DD') });
            }}
            aria-label={t('reports.dailyActivity.day')}
            data-testid="daily-activity-day"
          />
          <Button
            icon={<PrinterOutlined />}
            onClick={() => window.print()}
            data-testid="daily-activity-print"
          >
            {t('reports.dailyActivity.print')}
          </Button>
        </>
      }
    >
      <style>{PRINT_CSS}</style>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('reports.dailyActivity.definition')}
      </Typography.Paragraph>
      {report.isError ? <Alert type="error" showIcon title={describeApiError(report.error, t)} /> : null}
      <Card size="small" className="daily-activity-sheet" data-testid="daily-activity-sheet">
        <h2 className="print-only" data-testid="daily-activity-print-title">
          {single
            ? t('reports.dailyActivity.printTitle', { from: filter.from })
            : t('reports.dailyActivity.printRange', { from: filter.from, to: filter.to })}
        </h2>
        <Table<Line>
          size="small"
          rowKey="key"
          dataSource={lines}
          columns={columns}
          loading={report.isPending}
          pagination={false}
          locale={{ emptyText: <Empty description={t('reports.common.empty')} /> }}
          summary={() =>
            totalLine ? (
              <Table.Summary.Row data-testid="daily-activity-total">
                <Table.Summary.Cell index={0}>
                  <strong>{totalLine.name}</strong>
                </Table.Summary.Cell>
                {ACTIVITY_KINDS.map((kind, i) => (
                  <Table.Summary.Cell index={i + 1} key={kind} align="right">
                    <DrillLink
                      value={totalLine.counts[kind]}
                      onClick={() => drill(kind, totalLine)}
                      testId={`daily-${kind}-total`}
                    />
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={ACTIVITY_KINDS.length + 1} align="right">
                  <strong data-testid="daily-total-total">{totalLine.total}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
        <div className="print-only signature">
          {t('reports.dailyActivity.printedAt', {
            at: formatDateTime(printedAt, context.timeZone, context.language),
          })}
          {' · '}
          {t('reports.dailyActivity.signature')}: ____________
        </div>
      </Card>
      <Card size="small" title={t('reports.dailyActivity.chart')}>
        <ReportChart
          option={chartOption}
          testId="daily-activity-chart"
          ariaLabel={t('reports.dailyActivity.chart')}
          onPointClick={(point) => {
            const kind = ACTIVITY_KINDS[point.dataIndex];
            if (kind && totalLine && point.seriesName === t('reports.common.current')) drill(kind, totalLine);
          }}
        />
      </Card>
      <DrilldownDrawer
        report="daily-activity"
        filter={filter}
        target={target}
        onClose={() => setTarget(undefined)}
        context={context}
      />
    </ReportLayout>
  );
};
