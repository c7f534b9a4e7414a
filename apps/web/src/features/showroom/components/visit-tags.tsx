import type { TVisitKind } from '@qianke/contracts/showroom';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** First or repeat visit (call), as the receptionist's log and the traffic reports count it. */
export const FirstVisitTag = ({ kind, firstVisit }: { kind: TVisitKind; firstVisit: boolean }) => {
  const { t } = useTranslation();
  const text =
    kind === 'visit'
      ? t(firstVisit ? 'showroom.visit.first' : 'showroom.visit.repeat')
      : t(firstVisit ? 'showroom.visit.firstCall' : 'showroom.visit.repeatCall');
  return (
    <Tag color={firstVisit ? 'blue' : 'purple'} data-testid={firstVisit ? 'tag-first' : 'tag-repeat'}>
      {text}
    </Tag>
  );
};

export const KindTag = ({ kind }: { kind: TVisitKind }) => {
  const { t } = useTranslation();
  return <Tag color={kind === 'visit' ? 'green' : 'gold'}>{t(`showroom.kind.${kind}`)}</Tag>;
};
