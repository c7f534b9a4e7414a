import type { TDefeatRequest } from '@qianke/contracts/defeat';
import { Alert, App, Button, Flex, Space } from 'antd';
import { type ReactElement, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { useRequests } from '../api/get-requests';
import { DecideDialog, type OwnerPickerProps } from './decide-dialog';
import { RequestsTable } from './requests-table';

type PendingApprovalsProps = {
  timeZone: string;
  renderOwnerPicker: (props: OwnerPickerProps) => ReactElement;
  renderLeadDetails?: (request: TDefeatRequest) => ReactNode;
};

/** Defeat requests waiting for the manager, oldest first, each approved or rejected in a dialog. */
export const PendingApprovals = ({
  timeZone,
  renderOwnerPicker,
  renderLeadDetails,
}: PendingApprovalsProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const requests = useRequests({ status: 'pending' });
  const [decision, setDecision] = useState<{ request: TDefeatRequest; mode: 'approve' | 'reject' } | null>(
    null,
  );
  const items = requests.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Flex vertical gap={16}>
      {requests.isError && (
        <Alert
          type="error"
          showIcon
          title={t('defeat.loadFailed')}
          description={describeApiError(requests.error, t)}
          action={
            <Button size="small" onClick={() => void requests.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      <RequestsTable
        items={items}
        loading={requests.isPending}
        timeZone={timeZone}
        renderDetails={renderLeadDetails}
        emptyText={t('defeat.pendingEmpty')}
        data-testid="pending-approvals"
        actions={(request) => (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              onClick={() => setDecision({ request, mode: 'approve' })}
              data-testid={`approve-${request.id}`}
            >
              {t('defeat.decide.approve')}
            </Button>
            <Button
              type="link"
              size="small"
              danger
              onClick={() => setDecision({ request, mode: 'reject' })}
              data-testid={`reject-${request.id}`}
            >
              {t('defeat.decide.reject')}
            </Button>
          </Space>
        )}
      />
      {requests.hasNextPage && (
        <Button onClick={() => void requests.fetchNextPage()} loading={requests.isFetchingNextPage} block>
          {t('defeat.loadMore')}
        </Button>
      )}
      <DecideDialog
        decision={decision}
        renderOwnerPicker={renderOwnerPicker}
        onClose={() => setDecision(null)}
        onDecided={(request) => {
          setDecision(null);
          void message.success(
            t(request.status === 'approved' ? 'defeat.decide.approved' : 'defeat.decide.rejected', {
              name: request.customer.name,
            }),
          );
        }}
      />
    </Flex>
  );
};
