import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { reportExportUrl } from '../api/export-url';
import type { ReportContext } from '../report-context';

/** Downloads the report as .xlsx with the page's filter; not shown without `reports.export`. */
export const ExportButton = ({
  report,
  filter,
  context,
}: {
  report: string;
  filter: Record<string, string | number | undefined>;
  context: ReportContext;
}) => {
  const { t } = useTranslation();
  if (!context.canExport) return null;
  return (
    <Button
      icon={<DownloadOutlined />}
      href={reportExportUrl(report, filter, context.language)}
      download
      data-testid="report-export"
    >
      {t('reports.common.export')}
    </Button>
  );
};
