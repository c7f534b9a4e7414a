import type { TCustomer, TCustomerListItem } from '@qianke/contracts/customers';
import { Alert, Button, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';
import { useMergeCustomers } from '../api/merge-customers';
import { mergeProblemsOf } from './customer-text';

type MergeModalProps = {
  /** The customers chosen in the list; an empty list keeps the dialog closed. */
  customers: TCustomerListItem[];
  onClose: () => void;
  onMerged: (kept: TCustomer) => void;
};

/** Merge: choose the customer to keep, confirm; the others' leads, visits and follow-ups move to it. */
export const MergeModal = ({ customers, onClose, onMerged }: MergeModalProps) => {
  const { t } = useTranslation();
  const merge = useMergeCustomers();
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const open = customers.length > 0;
  // Suggested: the customer with the most inquiries; the person confirms or picks another.
  const suggested = [...customers].sort((a, b) => b.leadCount - a.leadCount)[0]?.id;
  const survivorId = picked && customers.some((c) => c.id === picked) ? picked : suggested;

  const close = () => {
    merge.reset();
    setPicked(undefined);
    onClose();
  };

  const submit = () => {
    if (!survivorId || merge.isPending) return;
    merge.mutate(
      { survivorId, customerIds: customers.map((c) => c.id) },
      {
        onSuccess: (kept) => {
          setPicked(undefined);
          onMerged(kept);
        },
      },
    );
  };

  const problems =
    merge.error && isApiError(merge.error) && merge.error.code === 'validation_failed'
      ? mergeProblemsOf(merge.error.message, t)
      : null;

  return (
    <Modal
      open={open}
      title={t('customers.merge.title', { count: customers.length })}
      onCancel={close}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="merge"
          type="primary"
          danger
          disabled={!survivorId}
          loading={merge.isPending}
          onClick={submit}
          data-testid="merge-confirm"
        >
          {t('customers.merge.confirm')}
        </Button>,
      ]}
    >
      <div data-testid="merge-dialog">
        <Typography.Paragraph>{t('customers.merge.chooseKept')}</Typography.Paragraph>
        <Radio.Group value={survivorId} onChange={(event) => setPicked(event.target.value as string)}>
          <Space direction="vertical">
            {customers.map((c) => (
              <Radio key={c.id} value={c.id} data-testid={`merge-keep-${c.cardNo}`}>
                <Space size={8}>
                  <Typography.Text strong>{c.name}</Typography.Text>
                  <Typography.Text type="secondary">{c.cardNo}</Typography.Text>
                  <Typography.Text type="secondary">{c.phone}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('customers.merge.leadCount', { count: c.leadCount })}
                  </Typography.Text>
                  {c.fleet && <Typography.Text type="warning">{t('customers.fleet.tag')}</Typography.Text>}
                </Space>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('customers.merge.explain')}
        </Typography.Paragraph>
        {merge.isError && (
          <div role="alert">
            <Alert
              type="error"
              showIcon
              title={problems ? t('customers.merge.refused') : describeApiError(merge.error, t)}
              description={problems ? problems.map((p) => <div key={p}>{p}</div>) : undefined}
            />
          </div>
        )}
      </div>
    </Modal>
  );
};
