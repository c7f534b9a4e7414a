import type { TDefeatRequest } from '@qianke/contracts/defeat';
import { Alert, Button, Flex, Segmented } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { type RequestsFilter, useRequests } from '../api/get-requests';
import { RequestsTable } from './requests-table';

type Scope = 'all' | 'approved' | 'rejected' | 'pending';

type DefeatRequestsListProps = {
  timeZone: string;
  /** Managers' lists name who asked; one's own list does not. */
  showRequester: boolean;
  renderLeadDetails?: ((request: TDefeatRequest) => ReactNode) | undefined;
  'data-testid'?: string;
};

/** Defeat requests, newest first, filtered by status: the store's for a manager, one's own otherwise. */
export const DefeatRequestsList = ({
  timeZone,
  showRequester,
  renderLeadDetails,
  'data-testid': testId,
}: DefeatRequestsListProps) => {
  const { t } = useTranslation();
  const [scope, setScope] = useState<Scope>('all');
  const filter: RequestsFilter = scope === 'all' ? {} : { status: scope };
  const requests = useRequests(filter);
  const items = requests.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Flex vertical gap={16}>
      <Segmented<Scope>
        value={scope}
        onChange={setScope}
        options={(['all', 'pending', 'approved', 'rejected'] as const).map((value) => ({
          value,
          label: value === 'all' ? t('defeat.status.all') : t(`defeat.status.${value}`),
        }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {requests.isError && (
        <Alert
          type="error"
          showIcon
          title={t('defeat.loadFailed')}
          description={describeApiError(requests.error, t)}
        />
      )}
      <RequestsTable
        items={items}
        loading={requests.isPending}
        timeZone={timeZone}
        showRequester={showRequester}
        renderDetails={renderLeadDetails}
        emptyText={t('defeat.empty')}
        data-testid={testId}
      />
      {requests.hasNextPage && (
        <Button onClick={() => void requests.fetchNextPage()} loading={requests.isFetchingNextPage} block>
          {t('defeat.loadMore')}
        </Button>
      )}
    </Flex>
  );
};
