import { Card, Col, Empty, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REPORT_CATALOG, type ReportEntry } from '../report-catalog';

/** The list of reports the caller may open. */
export const ReportsIndex = ({ allowed }: { allowed: (entry: ReportEntry) => boolean }) => {
  const { t } = useTranslation();
  const entries = REPORT_CATALOG.filter(allowed);
  if (entries.length === 0) return <Empty description={t('reports.common.noReports')} />;
  return (
    <Row gutter={[16, 16]} data-testid="reports-index">
      {entries.map((entry) => (
        <Col key={entry.key} xs={24} md={12} xl={8}>
          <Link to={entry.path} data-testid={`report-link-${entry.key}`}>
            <Card hoverable title={t(entry.title as never)}>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t(entry.description as never)}
              </Typography.Paragraph>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
};
