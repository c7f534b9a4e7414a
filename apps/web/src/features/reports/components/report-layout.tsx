import type { TReportFilterInput } from '@qianke/contracts/reports/filter';
import { Alert, Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/lib/use-document-title';
import type { ReportContext } from '../report-context';
import { ExportButton } from './export-button';
import { ReportFilterBar } from './report-filter-bar';

/** A report page: title, export button, the shared filter bar, then the report's own content. */
export const ReportLayout = ({
  title,
  testId,
  report,
  filter,
  onFilter,
  exportFilter,
  context,
  extra,
  children,
}: {
  title: string;
  testId: string;
  report: string;
  filter: TReportFilterInput;
  onFilter: (patch: Partial<TReportFilterInput>) => void;
  /** The filter plus the report's own parameters, as the export should use them. */
  exportFilter?: Record<string, string | number | undefined>;
  context: ReportContext;
  extra?: ReactNode;
  children: ReactNode;
}) => {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <Flex vertical gap={16} data-testid={testId}>
      <Flex align="center" gap={16} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
        <span style={{ flex: 1 }} />
        <ExportButton report={report} filter={exportFilter ?? filter} context={context} />
      </Flex>
      {context.ownFiguresOnly ? <Alert type="info" showIcon title={t('reports.common.ownFigures')} /> : null}
      <Card size="small">
        <ReportFilterBar value={filter} onChange={onFilter} context={context} />
      </Card>
      {children}
    </Flex>
  );
};
