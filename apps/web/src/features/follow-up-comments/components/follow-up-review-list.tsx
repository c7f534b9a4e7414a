import type { TStoreFollowUp } from '@qianke/contracts/notifications';
import { Alert, Button, Card, DatePicker, Empty, Flex, Select, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeApiError } from '@/lib/describe-api-error';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { paths } from '@/lib/paths';
import { useStaff } from '../api/get-staff';
import { useStoreFollowUps } from '../api/get-store-follow-ups';
import { useReviewFilters } from '../hooks/use-review-filters';
import { CommentBox } from './comment-box';
import { FollowUpComments } from './follow-up-comments';

type FollowUpReviewListProps = {
  /** Times are shown in the store's time zone. */
  timeZone: string;
};

/**
 * The store's recent follow-ups for a sales manager: who talked to which customer, how, what came of
 * it, with a comment box (批复) under each; the consultant is notified of every comment.
 */
export const FollowUpReviewList = ({ timeZone }: FollowUpReviewListProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { filters, update } = useReviewFilters();
  const staff = useStaff();
  const query = useStoreFollowUps(filters);
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
  const when = (iso: string | null) => formatDateTime(iso, timeZone, language) ?? '';

  const toggle = (id: string, open?: boolean) =>
    setShown((current) => {
      const next = new Set(current);
      if (open ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });

  const items = query.data?.pages.flatMap((page) => page.items) ?? [];

  const row = (f: TStoreFollowUp) => {
    const levelChanged = f.levelAfter !== null && f.levelAfter !== f.levelBefore;
    return (
      <Card
        key={f.id}
        size="small"
        data-testid="follow-up-review-item"
        data-follow-up-id={f.id}
        data-author={f.authorName}
        title={
          <Flex wrap gap={8} align="center">
            <Link to={`${paths.customers}/${encodeURIComponent(f.customerId)}`}>{f.customerName}</Link>
            <Typography.Text type="secondary">{f.cardNo}</Typography.Text>
            <Tag color={f.leadLevel ? 'blue' : undefined}>
              {t('followUpReview.leadLevel', { level: f.leadLevel ?? t('followUpReview.ungraded') })}
            </Tag>
          </Flex>
        }
        extra={
          <Typography.Text type="secondary">
            {f.authorName} · {t(`followUpReview.channels.${f.channel}`)} · {when(f.occurredAt)}
          </Typography.Text>
        }
      >
        <Flex vertical gap={6}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{f.content}</Typography.Text>
          <Typography.Text strong style={{ whiteSpace: 'pre-wrap' }}>
            {t('followUpReview.result')}: {f.result}
          </Typography.Text>
          <Flex wrap gap={8} align="center">
            {levelChanged && (
              <Tag color="processing">
                {t('followUpReview.levelChange', {
                  from: f.levelBefore ?? t('followUpReview.ungraded'),
                  to: f.levelAfter,
                })}
              </Tag>
            )}
            {f.nextContactAt && (
              <Typography.Text type="secondary">
                {t('followUpReview.nextContact', { time: when(f.nextContactAt) })}
              </Typography.Text>
            )}
            <Button
              type="link"
              size="small"
              onClick={() => toggle(f.id)}
              data-testid="follow-up-review-toggle-comments"
            >
              {shown.has(f.id)
                ? t('followUpReview.hideComments')
                : t('followUpReview.showComments', { count: f.commentCount })}
            </Button>
          </Flex>
          {shown.has(f.id) && <FollowUpComments followUpId={f.id} timeZone={timeZone} />}
          <CommentBox followUpId={f.id} onSent={() => toggle(f.id, true)} />
        </Flex>
      </Card>
    );
  };

  const people = (staff.data?.items ?? []).map((u) => ({
    value: u.id,
    label: u.disabled ? t('followUpReview.departed', { name: u.displayName }) : u.displayName,
  }));

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center">
        <Select
          value={filters.userId}
          onChange={(userId?: string) => update({ userId })}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={staff.isPending}
          placeholder={t('followUpReview.allAuthors')}
          aria-label={t('followUpReview.author')}
          style={{ width: 200 }}
          options={people}
          data-testid="follow-up-review-author"
        />
        <DatePicker.RangePicker
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) =>
            update({
              from: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
              to: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
            })
          }
          allowEmpty={[true, true]}
          placeholder={[t('followUpReview.from'), t('followUpReview.to')]}
          aria-label={t('followUpReview.dates')}
          data-testid="follow-up-review-dates"
        />
      </Flex>

      {query.isError && (
        <Alert
          type="error"
          showIcon
          title={t('followUpReview.loadFailed')}
          description={describeApiError(query.error, t)}
          action={
            <Button size="small" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : items.length === 0 && !query.isError ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followUpReview.empty')} />
      ) : (
        <Flex vertical gap={12} data-testid="follow-up-review-list" data-user-id={filters.userId ?? ''}>
          {items.map(row)}
          {query.hasNextPage && (
            <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
              {t('followUpReview.loadMore')}
            </Button>
          )}
        </Flex>
      )}
    </Flex>
  );
};
