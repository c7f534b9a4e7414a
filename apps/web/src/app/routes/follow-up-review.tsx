import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { FollowUpReviewList } from '@/features/follow-up-comments/components/follow-up-review-list';
import { PageTitle } from '../components/page-title';
import { useSession } from '../layout/session';

/** A sales manager reviews the store's follow-ups and comments on them (批复). */
export const FollowUpReviewPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <div data-testid="follow-up-review-page">
      <PageTitle title={t('followUpReview.title')} />
      <Card>
        {/* A store switch shows another store's follow-ups: start afresh. */}
        <FollowUpReviewList key={me.store.id} timeZone={me.store.timeZone} />
      </Card>
    </div>
  );
};
