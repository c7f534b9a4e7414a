import { MessageOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { useFollowUpComments } from '../api/get-follow-up-comments';

type FollowUpCommentsProps = {
  followUpId: string;
  /** Times are shown in the store's time zone. */
  timeZone: string;
};

/**
 * The managers' comments (批复) under one follow-up, oldest first. Small on purpose: the review page
 * shows it under each follow-up, and a consultant's follow-up history may show it too.
 */
export const FollowUpComments = ({ followUpId, timeZone }: FollowUpCommentsProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const query = useFollowUpComments(followUpId);

  if (query.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('followUpReview.commentsLoadFailed')}
        description={describeApiError(query.error, t)}
        action={
          <Button size="small" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!query.data) return <Skeleton active title={false} paragraph={{ rows: 1 }} />;
  if (query.data.items.length === 0) {
    return <Typography.Text type="secondary">{t('followUpReview.noComments')}</Typography.Text>;
  }
  return (
    <Flex vertical gap={6} data-testid="follow-up-comments">
      {query.data.items.map((comment) => (
        <Flex
          key={comment.id}
          gap={8}
          align="start"
          data-testid="follow-up-comment"
          style={{ background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 6, padding: '6px 10px' }}
        >
          <MessageOutlined style={{ color: '#389e0d', marginTop: 4 }} />
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('followUpReview.commentBy', {
                name: comment.authorName,
                time: formatDateTime(comment.createdAt, timeZone, language) ?? '',
              })}
            </Typography.Text>
            <Typography.Text style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {comment.body}
            </Typography.Text>
          </Flex>
        </Flex>
      ))}
    </Flex>
  );
};
