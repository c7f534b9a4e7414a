import { AlertOutlined, CalendarOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HomePanel } from './home-panel';
import { PanelGrid } from './panel-grid';

/** `worklist`: the Today worklist, composed by the page; it replaces the two task panels. */
export const ConsultantHome = ({ worklist }: { worklist?: ReactNode }) => {
  const { t } = useTranslation();
  return (
    <PanelGrid homeRole="consultant" lead={worklist}>
      {!worklist && (
        <HomePanel
          testId="today-tasks"
          icon={<CalendarOutlined />}
          title={t('home.consultant.todayTasks')}
          hint={t('home.consultant.todayTasksHint')}
        />
      )}
      <HomePanel
        testId="prospects-by-level"
        icon={<TeamOutlined />}
        title={t('home.consultant.prospectsByLevel')}
        hint={t('home.consultant.prospectsByLevelHint')}
      />
      {!worklist && (
        <HomePanel
          testId="overdue-follow-ups"
          icon={<AlertOutlined />}
          title={t('home.consultant.overdueFollowUps')}
          hint={t('home.consultant.overdueFollowUpsHint')}
        />
      )}
    </PanelGrid>
  );
};
