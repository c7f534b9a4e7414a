import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DefeatRequestsList } from './defeat-requests-list';
import { RequestDefeatDialog } from './request-defeat-dialog';

/** One's own defeat requests and their decisions, and a button to ask for another. */
export const MyDefeatRequests = ({ timeZone }: { timeZone: string }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [asking, setAsking] = useState(false);
  return (
    <Flex vertical gap={16}>
      <Flex justify="flex-end">
        <Button
          type="primary"
          danger
          icon={<PlusOutlined />}
          onClick={() => setAsking(true)}
          data-testid="new-defeat-request"
        >
          {t('defeat.request.button')}
        </Button>
      </Flex>
      <DefeatRequestsList timeZone={timeZone} showRequester={false} data-testid="my-defeat-requests" />
      <RequestDefeatDialog
        open={asking}
        onClose={() => setAsking(false)}
        onRequested={(request) => {
          setAsking(false);
          void message.success(t('defeat.request.success', { name: request.customer.name }));
        }}
      />
    </Flex>
  );
};
