import type { TImportCounts } from '@qianke/contracts/imports';
import type { ImportProblemCode as TImportProblemCode } from '@qianke/core/imports/fields';
import { Card, Col, Flex, Row, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/lib/i18n/use-language';

/** What the preview found: rows to import (new customers, inquiries for known ones) and rows refused. */
export const ImportCounts = ({ counts }: { counts: TImportCounts }) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const stat = (key: string, title: string, value: number, color?: string) => (
    <Col xs={12} md={6}>
      <Card size="small">
        <div data-testid={`import-count-${key}`}>
          <Statistic
            title={title}
            value={value}
            formatter={(v) => Number(v).toLocaleString(language)}
            styles={color ? { content: { color } } : undefined}
          />
        </div>
      </Card>
    </Col>
  );
  const problems = Object.entries(counts.problems).filter(([, n]) => (n ?? 0) > 0);
  return (
    <Flex vertical gap={12}>
      <Row gutter={[12, 12]}>
        {stat('valid', t('imports.preview.valid'), counts.valid)}
        {stat('create', t('imports.preview.willCreate'), counts.willCreate, '#389e0d')}
        {stat('merge', t('imports.preview.willMerge'), counts.willMerge, '#0958d9')}
        {stat(
          'rejected',
          t('imports.preview.rejected'),
          counts.rejected,
          counts.rejected > 0 ? '#cf1322' : undefined,
        )}
      </Row>
      {problems.length > 0 && (
        <Flex wrap gap={4} data-testid="import-problem-counts">
          {problems.map(([code, n]) => (
            <Tag key={code} color="red">
              {t('imports.preview.problemCount', {
                problem: t(`imports.problemNames.${code as TImportProblemCode}`),
                count: n ?? 0,
              })}
            </Tag>
          ))}
        </Flex>
      )}
    </Flex>
  );
};
