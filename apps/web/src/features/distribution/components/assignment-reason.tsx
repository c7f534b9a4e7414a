import type { TAssignmentReason } from '@qianke/contracts/assignment';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** "Why this owner" in a sentence: by hand, by a rule (and its rotation facts), or why it waits. */
export const AssignmentReasonText = ({ reason }: { reason: TAssignmentReason | null }) => {
  const { t } = useTranslation();
  if (!reason) return <Typography.Text type="secondary">{t('distribution.reason.none')}</Typography.Text>;
  const parts: string[] = [];
  switch (reason.by) {
    case 'rule':
      parts.push(
        t('distribution.reason.rule', { rule: reason.ruleName ?? '' }),
        reason.cap === null || reason.cap === undefined
          ? t('distribution.reason.ruleLoad', { count: reason.openLeads ?? 0 })
          : t('distribution.reason.ruleLoadCap', { count: reason.openLeads ?? 0, cap: reason.cap }),
      );
      break;
    case 'queue':
      parts.push(
        reason.why === 'nobody_available'
          ? t('distribution.reason.nobodyAvailable', { rule: reason.ruleName ?? '' })
          : t('distribution.reason.noRule'),
      );
      break;
    case 'capture':
      parts.push(t('distribution.reason.capture'));
      break;
    case 'arrival':
      parts.push(t('distribution.reason.arrival'));
      break;
    default:
      parts.push(
        reason.handoverFromId
          ? t('distribution.reason.handover')
          : reason.defeatRequestId
            ? t('distribution.reason.defeat')
            : t('distribution.reason.manager'),
      );
  }
  if (reason.note) parts.push(t('distribution.reason.note', { note: reason.note }));
  return <span data-testid="assignment-reason">{parts.join(t('distribution.reason.separator'))}</span>;
};
