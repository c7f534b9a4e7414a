import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { RulesList } from '@/features/assignment-rules/components/rules-list';
import { PageTitle } from '../components/page-title';
import { useSession } from '../layout/session';

/** The store's automatic assignment rules (分配规则). */
export const AssignmentRulesPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <div data-testid="assignment-rules-page">
      <PageTitle title={t('assignmentRules.title')} />
      <Card>
        <RulesList key={me.store.id} timeZone={me.store.timeZone} />
      </Card>
    </div>
  );
};
