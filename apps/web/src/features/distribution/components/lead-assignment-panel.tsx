import { Alert, Descriptions, Empty, Skeleton, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { useLeadAssignment } from '../api/get-lead-assignment';
import { AssignmentReasonText } from './assignment-reason';

/**
 * "Why this owner" for a lead's page: the owner, why they got it (by hand, by which rule, or why it
 * waits in the queue), and every change of owner since the lead was captured.
 */
export const LeadAssignmentPanel = ({ leadId, timeZone }: { leadId: string; timeZone: string }) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const assignment = useLeadAssignment(leadId);
  if (assignment.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (assignment.isError)
    return <Alert type="error" showIcon title={describeApiError(assignment.error, t)} />;
  const data = assignment.data;
  return (
    <div data-testid={`lead-assignment-${leadId}`}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('distribution.panel.owner')}>
          {data.ownerName ?? (
            <Typography.Text type="secondary">{t('distribution.panel.noOwner')}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('distribution.panel.assignedAt')}>
          {formatDateTime(data.assignedAt, timeZone, language) ?? '-'}
        </Descriptions.Item>
        <Descriptions.Item label={t('distribution.panel.why')}>
          <AssignmentReasonText reason={data.reason} />
        </Descriptions.Item>
      </Descriptions>
      {data.history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('distribution.panel.noHistory')} />
      ) : (
        <Timeline
          items={data.history.map((entry) => ({
            key: `${entry.at}-${entry.toOwnerId ?? 'queue'}`,
            content: (
              <span>
                <Typography.Text type="secondary">
                  {formatDateTime(entry.at, timeZone, language)}{' '}
                </Typography.Text>
                {t('distribution.panel.change', {
                  from: entry.fromOwnerName ?? t('distribution.panel.queue'),
                  to: entry.toOwnerName ?? t('distribution.panel.queue'),
                  by: entry.actorName ?? t('distribution.panel.system'),
                })}
                {' · '}
                <AssignmentReasonText reason={entry.reason} />
              </span>
            ),
          }))}
        />
      )}
    </div>
  );
};
