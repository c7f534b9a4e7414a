import { seesStoreTasks } from '@qianke/core/follow-ups/worklist';
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { LevelChecklist } from '@/features/lead-grading/components/level-checklist';
import type { RenderLevelHelp } from '@/features/worklist/components/log-result-modal';
import { StoreTasks } from '@/features/worklist/components/store-tasks';
import { TodayWorklist } from '@/features/worklist/components/today-worklist';
import { PageTitle } from '../components/page-title';
import { useSession } from '../layout/session';

/** The grading checklist and MAN, shown (and saved) in the "log result" form when a level is chosen. */
export const levelHelp: RenderLevelHelp = (level, grading) => <LevelChecklist level={level} {...grading} />;

/** Today (今日工作): the user's worklist; managers also see the store's overdue tasks by user. */
export const TodayPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  const timeZone = me.store.timeZone;
  const mine = <TodayWorklist key={me.store.id} timeZone={timeZone} renderLevelHelp={levelHelp} />;
  return (
    <div data-testid="today-page">
      <PageTitle title={t('worklist.title')} />
      {seesStoreTasks(me.user.roles) ? (
        <Tabs
          items={[
            { key: 'mine', label: t('worklist.tabs.mine'), children: mine },
            {
              key: 'store',
              label: <span data-testid="tab-store-tasks">{t('worklist.tabs.store')}</span>,
              children: <StoreTasks key={me.store.id} timeZone={timeZone} renderLevelHelp={levelHelp} />,
            },
          ]}
        />
      ) : (
        <Card>{mine}</Card>
      )}
    </div>
  );
};
