import { COMMENT_MAX_LENGTH } from '@qianke/contracts/notifications';
import { App, Button, Flex, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { useAddFollowUpComment } from '../api/add-follow-up-comment';

type CommentBoxProps = {
  followUpId: string;
  /** After the comment is saved, e.g. to show the comments. */
  onSent?: () => void;
};

/** Where a manager writes a comment (批复) on one follow-up; Ctrl+Enter sends it. */
export const CommentBox = ({ followUpId, onSent }: CommentBoxProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = useAddFollowUpComment();

  const send = () => {
    const text = body.trim();
    if (!text) return setProblem(t('followUpReview.commentRequired'));
    if (text.length > COMMENT_MAX_LENGTH) {
      return setProblem(t('validation.maxChars', { count: COMMENT_MAX_LENGTH }));
    }
    setProblem(null);
    add.mutate(
      { followUpId, body: { body: text } },
      {
        onSuccess: () => {
          setBody('');
          void message.success(t('followUpReview.commentSent'));
          onSent?.();
        },
        onError: (error) => setProblem(describeApiError(error, t)),
      },
    );
  };

  return (
    <Flex vertical gap={4}>
      <Flex gap={8} align="start">
        <Input.TextArea
          value={body}
          onChange={(event) => {
            setBody(event.target.value);
            if (problem) setProblem(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) send();
          }}
          autoSize={{ minRows: 1, maxRows: 5 }}
          maxLength={COMMENT_MAX_LENGTH}
          placeholder={t('followUpReview.commentPlaceholder')}
          aria-label={t('followUpReview.commentPlaceholder')}
          status={problem ? 'error' : undefined}
          data-testid="follow-up-comment-input"
        />
        <Button type="primary" onClick={send} loading={add.isPending} data-testid="follow-up-comment-submit">
          {t('followUpReview.commentSubmit')}
        </Button>
      </Flex>
      {problem && (
        <span role="alert" style={{ color: '#ff4d4f', fontSize: 12 }}>
          {problem}
        </span>
      )}
    </Flex>
  );
};
