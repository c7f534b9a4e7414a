import { DownloadOutlined } from '@ant-design/icons';
import type { TImportJob } from '@qianke/contracts/imports';
import { Button, Card, Col, Flex, Result, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '@/lib/i18n/use-language';
import { importReportUrl } from '../api/report-url';
import { ImportRowsTable } from './import-rows-table';

type ImportResultProps = {
  job: TImportJob;
  /** Where "import another file" leads. */
  newImportPath: string;
};

/** What the import did: customers created, inquiries added to known customers, rows refused; the report. */
export const ImportResult = ({ job, newImportPath }: ImportResultProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const stat = (key: string, title: string, value: number, color: string) => (
    <Col xs={24} sm={8}>
      <Card size="small">
        <div data-testid={`import-result-${key}`}>
          <Statistic
            title={title}
            value={value}
            formatter={(v) => Number(v).toLocaleString(language)}
            styles={{ content: { color } }}
          />
        </div>
      </Card>
    </Col>
  );
  return (
    <Flex vertical gap={16} data-testid="import-result">
      <Result
        status={job.rejectedRows > 0 ? 'warning' : 'success'}
        title={t('imports.result.title')}
        subTitle={t('imports.result.subtitle', { fileName: job.fileName, count: job.totalRows })}
        extra={[
          <Button
            key="report"
            type="primary"
            icon={<DownloadOutlined />}
            href={importReportUrl(job.id, language)}
            download
            data-testid="import-report"
          >
            {t('imports.result.report')}
          </Button>,
          <Link key="another" to={newImportPath} data-testid="import-another">
            {t('imports.result.another')}
          </Link>,
        ]}
      />
      <Row gutter={[12, 12]}>
        {stat('created', t('imports.result.created'), job.createdRows, '#389e0d')}
        {stat('merged', t('imports.result.merged'), job.mergedRows, '#0958d9')}
        {stat(
          'rejected',
          t('imports.result.rejected'),
          job.rejectedRows,
          job.rejectedRows > 0 ? '#cf1322' : '#8c8c8c',
        )}
      </Row>
      <ImportRowsTable job={job} />
    </Flex>
  );
};
