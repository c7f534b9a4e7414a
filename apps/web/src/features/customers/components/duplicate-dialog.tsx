import type { TDuplicateCustomerDetails } from '@qianke/contracts/customers';
import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { useLastPresent } from '@/lib/use-last-present';

type DuplicateDialogProps = {
  /** The customer who already has the phone; null keeps the dialog closed. */
  existing: TDuplicateCustomerDetails | null;
  /** Whether the user may open that customer (consultants see only their own). */
  canOpen: boolean;
  onOpen: () => void;
  onAddLead: () => void;
  adding: boolean;
  failure: unknown;
  onClose: () => void;
};

/** "This number is already a customer": open it, or add this inquiry to it (DOMAIN §2). */
export const DuplicateDialog = ({
  existing,
  canOpen,
  onOpen,
  onAddLead,
  adding,
  failure,
  onClose,
}: DuplicateDialogProps) => {
  const { t } = useTranslation();
  const shown = useLastPresent(existing);
  return (
    <Modal
      open={existing !== null}
      title={t('customers.duplicate.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose} data-testid="duplicate-cancel">
          {t('common.cancel')}
        </Button>,
        canOpen && (
          <Button key="open" onClick={onOpen} data-testid="duplicate-open">
            {t('customers.duplicate.open')}
          </Button>
        ),
        <Button
          key="add"
          type="primary"
          loading={adding}
          onClick={onAddLead}
          data-testid="duplicate-add-lead"
        >
          {t('customers.duplicate.addLead')}
        </Button>,
      ]}
    >
      <div data-testid="duplicate-dialog">
        {shown && (
          <Typography.Paragraph>
            {shown.ownerName
              ? t('customers.duplicate.text', {
                  name: shown.name,
                  cardNo: shown.cardNo,
                  owner: shown.ownerName,
                })
              : t('customers.duplicate.textPool', { name: shown.name, cardNo: shown.cardNo })}
          </Typography.Paragraph>
        )}
        <Typography.Paragraph type="secondary">
          {canOpen ? t('customers.duplicate.hint') : t('customers.duplicate.hintNotYours')}
        </Typography.Paragraph>
        {failure !== null && failure !== undefined && (
          <div role="alert">
            <Alert type="error" showIcon title={describeApiError(failure, t)} />
          </div>
        )}
      </div>
    </Modal>
  );
};
