import type { Level } from '@qianke/core/leads/grading';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<Level, string> = { O: 'red', H: 'volcano', A: 'orange', B: 'blue', C: 'default' };

/** A lead's level (意向级别), hottest in red; an ungraded lead says so. */
export const LevelTag = ({ level }: { level: Level | null }) => {
  const { t } = useTranslation();
  if (!level) return <Tag>{t('worklist.ungraded')}</Tag>;
  return (
    <Tag color={COLOURS[level]} data-testid="level-tag">
      {level}
    </Tag>
  );
};
