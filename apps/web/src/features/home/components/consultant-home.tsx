import { AlertOutlined, CalendarOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { HomePanel } from './home-panel';
import { PanelGrid } from './panel-grid';

export const ConsultantHome = () => {
  const { t } = useTranslation();
  return (
    <PanelGrid homeRole="consultant">
      <HomePanel
        testId="today-tasks"
        icon={<CalendarOutlined />}
        title={t('home.consultant.todayTasks')}
        hint={t('home.consultant.todayTasksHint')}
      />
      <HomePanel
        testId="prospects-by-level"
        icon={<TeamOutlined />}
        title={t('home.consultant.prospectsByLevel')}
        hint={t('home.consultant.prospectsByLevelHint')}
      />
      <HomePanel
        testId="overdue-follow-ups"
        icon={<AlertOutlined />}
        title={t('home.consultant.overdueFollowUps')}
        hint={t('home.consultant.overdueFollowUpsHint')}
      />
    </PanelGrid>
  );
};
