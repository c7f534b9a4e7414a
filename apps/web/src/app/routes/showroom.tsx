import { LoginOutlined } from '@ant-design/icons';
import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { ArrivalForm } from '@/features/showroom/components/arrival-form';
import { ShowroomBoard } from '@/features/showroom/components/showroom-board';
import { VisitLog } from '@/features/showroom/components/visit-log';
import { PageTitle } from '../components/page-title';
import { can, useSession } from '../layout/session';

/**
 * The receptionist's desk: log an arrival or a phone-in, see who is in the showroom now, and the day's
 * log. Consultants, DCC agents and managers without the desk see the board and the log read-only.
 */
export const ShowroomPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  const canLog = can(me, 'showroom.log');
  const timeZone = me.store.timeZone;
  return (
    <div data-testid="showroom-page">
      <PageTitle title={canLog ? t('showroom.title') : t('showroom.viewTitle')} />
      {/* A store switch shows another store's desk: start afresh. */}
      <Flex vertical gap={16} key={me.store.id}>
        {canLog && (
          <Card
            title={
              <span>
                <LoginOutlined style={{ marginInlineEnd: 8 }} />
                {t('showroom.form.title')}
              </span>
            }
          >
            <ArrivalForm timeZone={timeZone} />
          </Card>
        )}
        <ShowroomBoard timeZone={timeZone} canLog={canLog} />
        <VisitLog timeZone={timeZone} canLog={canLog} />
      </Flex>
    </div>
  );
};
