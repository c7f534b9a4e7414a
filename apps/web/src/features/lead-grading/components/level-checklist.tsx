import type { Level } from '@qianke/core/leads/grading';
import { Card, Checkbox, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/lib/i18n/use-language';
import { useGrading } from '../api/get-grading';

type Cadence = { every: number; unit: 'day' | 'week' | 'month' } | 'holiday';

/**
 * What a level means and the seed-001 checklist for it (any one criterion puts a lead there), with the
 * store's cadence and a MAN check. Advice for grading: nothing here blocks saving.
 */
export const LevelChecklist = ({ level }: { level: Level }) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const grading = useGrading();
  const [man, setMan] = useState({ money: false, authority: false, need: false });
  // The advice shows once the user ticks something: all unticked is "not judged yet", not "man".
  const [manTouched, setManTouched] = useState(false);
  if (!grading.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  const definition = grading.data.levels.find((d) => d.level === level);
  if (!definition) return null;
  const text = (value: { zh: string; en: string }) => (language === 'en' ? value.en : value.zh);
  const cadence = (value: Cadence) =>
    value === 'holiday'
      ? t('leadGrading.cadenceHoliday')
      : value.every === 1
        ? t(`leadGrading.every.${value.unit}_one`)
        : t(`leadGrading.every.${value.unit}`, { count: value.every });
  const action = grading.data.man.find(
    (m) => m.money === man.money && m.authority === man.authority && m.need === man.need,
  );

  return (
    <Card size="small" data-testid={`level-checklist-${level}`}>
      <Flex vertical gap={8}>
        <Flex wrap gap={8} align="center">
          <Typography.Text strong>{t('leadGrading.checklistTitle', { level })}</Typography.Text>
          <Typography.Text>{text(definition.meaning)}</Typography.Text>
          <Tag>{cadence(definition.cadence)}</Tag>
        </Flex>
        <Typography.Text type="secondary">{t('leadGrading.checklistHint')}</Typography.Text>
        <Flex vertical gap={4}>
          {definition.criteria.map((criterion) => (
            <Checkbox key={criterion.key} data-testid={`criterion-${criterion.key}`}>
              {text(criterion)}
            </Checkbox>
          ))}
        </Flex>
        <Flex wrap gap={12} align="center">
          <Typography.Text strong>{t('leadGrading.man.title')}</Typography.Text>
          {(['money', 'authority', 'need'] as const).map((key) => (
            <Checkbox
              key={key}
              checked={man[key]}
              onChange={(e) => {
                setManTouched(true);
                setMan({ ...man, [key]: e.target.checked });
              }}
            >
              {t(`leadGrading.man.${key}`)}
            </Checkbox>
          ))}
        </Flex>
        {action && manTouched && (
          <Typography.Text type={action.prospect ? undefined : 'warning'} data-testid="man-action">
            {action.code} · {text(action)}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
};
