import type { Level } from '@qianke/core/leads/grading';
import type { Man } from '@qianke/core/leads/man';
import { Card, Checkbox, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/lib/i18n/use-language';
import { useGrading } from '../api/get-grading';

type Cadence = { every: number; unit: 'day' | 'week' | 'month' } | 'holiday';

const MAN_KEYS = ['money', 'authority', 'need'] as const;
const NOT_JUDGED: Man = { money: false, authority: false, need: false };

export type LevelChecklistProps = {
  level: Level;
  /** The ticked criteria of this level (keys of the seed-001 checklist). */
  criteria: readonly string[];
  onCriteriaChange: (criteria: string[]) => void;
  /** MAN as judged; null is "not judged yet" (all unticked), which shows no advice. */
  man: Man | null;
  onManChange: (man: Man) => void;
};

/**
 * What a level means and the seed-001 checklist for it (any one criterion puts a lead there), with the
 * store's cadence and a MAN check with the action seed 001 recommends. The caller holds the ticks and
 * saves them with the grading; nothing here blocks saving.
 */
export const LevelChecklist = ({
  level,
  criteria,
  onCriteriaChange,
  man,
  onManChange,
}: LevelChecklistProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const grading = useGrading();
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
  const action = man
    ? grading.data.man.find(
        (m) => m.money === man.money && m.authority === man.authority && m.need === man.need,
      )
    : undefined;
  const tick = (key: string, checked: boolean) =>
    onCriteriaChange(
      checked ? [...criteria.filter((c) => c !== key), key] : criteria.filter((c) => c !== key),
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
            <Checkbox
              key={criterion.key}
              checked={criteria.includes(criterion.key)}
              onChange={(e) => tick(criterion.key, e.target.checked)}
              data-testid={`criterion-${criterion.key}`}
            >
              {text(criterion)}
            </Checkbox>
          ))}
        </Flex>
        <Flex wrap gap={12} align="center">
          <Typography.Text strong>{t('leadGrading.man.title')}</Typography.Text>
          {MAN_KEYS.map((key) => (
            <Checkbox
              key={key}
              checked={man?.[key] ?? false}
              onChange={(e) => onManChange({ ...(man ?? NOT_JUDGED), [key]: e.target.checked })}
              data-testid={`man-${key}`}
            >
              {t(`leadGrading.man.${key}`)}
            </Checkbox>
          ))}
        </Flex>
        {action && (
          <Typography.Text type={action.prospect ? undefined : 'warning'} data-testid="man-action">
            {action.code} · {text(action)}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
};
