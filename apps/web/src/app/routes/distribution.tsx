import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { DistributionQueue } from '@/features/distribution/components/distribution-queue';
import { DutyRoster } from '@/features/distribution/components/duty-roster';
import { PageTitle } from '../components/page-title';
import { useSession } from '../layout/session';

/** The sales manager's distribution queue (线索分配), with who is on duty today beside it. */
export const DistributionPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <div data-testid="distribution-page">
      <PageTitle title={t('distribution.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={18}>
          <Card>
            <DistributionQueue key={me.store.id} timeZone={me.store.timeZone} />
          </Card>
        </Col>
        <Col xs={24} xxl={6}>
          <Card title={t('distribution.duty.title')}>
            <DutyRoster key={me.store.id} />
          </Card>
        </Col>
      </Row>
    </div>
  );
};
