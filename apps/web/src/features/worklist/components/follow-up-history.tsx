import type { TFollowUp } from '@qianke/contracts/follow-ups';
import { Alert, Button, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { useFollowUps } from '../api/get-follow-ups';

type FollowUpHistoryProps = { leadId: string; timeZone: string };

/** The lead's follow-ups, newest first: channel, what was said, the result, level changes, comments. */
export const FollowUpHistory = ({ leadId, timeZone }: FollowUpHistoryProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const query = useFollowUps(leadId);
  const when = (iso: string | null) => formatDateTime(iso, timeZone, language) ?? '';

  if (query.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('worklist.history.loadFailed')}
        description={describeApiError(query.error, t)}
        action={
          <Button size="small" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!query.data) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (query.data.items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('worklist.history.empty')} />;
  }

  const entry = (followUp: TFollowUp) => ({
    key: followUp.id,
    content: (
      <Flex vertical gap={2} data-testid="follow-up-entry">
        <Typography.Text type="secondary">
          {when(followUp.occurredAt)} · {t(`worklist.channels.${followUp.channel}`)} · {followUp.userName}
        </Typography.Text>
        <Typography.Text>{followUp.content}</Typography.Text>
        <Typography.Text strong>
          {t('worklist.history.result')}: {followUp.result}
        </Typography.Text>
        {followUp.levelAfter && followUp.levelAfter !== followUp.levelBefore && (
          <span>
            <Tag color="processing">
              {t('worklist.history.levelChange', {
                from: followUp.levelBefore ?? t('worklist.ungraded'),
                to: followUp.levelAfter,
              })}
            </Tag>
          </span>
        )}
        {followUp.nextContactAt && (
          <Typography.Text type="secondary">
            {t('worklist.history.nextContact', { time: when(followUp.nextContactAt) })}
          </Typography.Text>
        )}
        {followUp.comments.map((comment) => (
          <Alert
            key={comment.id}
            type="info"
            title={`${t('worklist.history.comment')} · ${comment.authorName} · ${when(comment.createdAt)}`}
            description={comment.body}
          />
        ))}
      </Flex>
    ),
  });

  return (
    <div data-testid="follow-up-history">
      <Timeline items={query.data.items.map(entry)} />
    </div>
  );
};
