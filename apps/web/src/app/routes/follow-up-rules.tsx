import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { HolidayCalendar } from '@/features/cadence-rules/components/holiday-calendar';
import { RulesForm } from '@/features/cadence-rules/components/rules-form';
import { PageTitle } from '../components/page-title';
import { useSession } from '../layout/session';

/** The store's follow-up rule table and its holiday calendar (admin and sales manager). */
export const FollowUpRulesPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <div data-testid="follow-up-rules-page">
      <PageTitle title={t('cadenceRules.title')} />
      <Flex vertical gap={16} key={me.store.id}>
        <RulesForm />
        <HolidayCalendar currentYear={new Date().getFullYear()} />
      </Flex>
    </div>
  );
};
