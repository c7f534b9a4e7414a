import {
  AlertOutlined,
  BellOutlined,
  ClockCircleOutlined,
  FlagOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import type { TNotification, TNotificationKind } from '@qianke/contracts/notifications';
import { Alert, App, Badge, Button, Empty, Flex, Popover, Skeleton, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeApiError } from '@/lib/describe-api-error';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { useNotifications } from '../api/get-notifications';
import { useMarkNotificationsRead } from '../api/mark-notifications-read';
import { describeNotification } from '../hooks/notification-text';
import { useNotificationStream } from '../hooks/use-notification-stream';

const KIND_ICONS: Record<TNotificationKind, ReactNode> = {
  assignment: <UserAddOutlined style={{ color: '#1677ff' }} />,
  comment: <MessageOutlined style={{ color: '#13a8a8' }} />,
  overdue: <ClockCircleOutlined style={{ color: '#f5222d' }} />,
  arrival: <ShopOutlined style={{ color: '#52c41a' }} />,
  unassigned: <AlertOutlined style={{ color: '#fa8c16' }} />,
  defeat_request: <FlagOutlined style={{ color: '#722ed1' }} />,
  defeat_decision: <SafetyCertificateOutlined style={{ color: '#722ed1' }} />,
  invitation_arrived: <ShopOutlined style={{ color: '#eb2f96' }} />,
  invitation_returned: <ClockCircleOutlined style={{ color: '#fa8c16' }} />,
};

type NotificationBellProps = {
  /** Times are shown in the store's time zone. */
  timeZone: string;
  /** False while logging out: the live stream closes and nothing is fetched any more. */
  enabled: boolean;
  compact?: boolean;
};

/** The bell in the header: the unread count, live, and the list of your notifications. */
export const NotificationBell = ({ timeZone, enabled, compact = false }: NotificationBellProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const query = useNotifications({ enabled });
  const markRead = useMarkNotificationsRead();
  useNotificationStream({ enabled });

  const unread = query.data?.pages[0]?.unreadCount ?? 0;
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const formatTime = (iso: string) => formatDateTime(iso, timeZone, language) ?? '';

  const fail = (error: unknown) => void message.error(describeApiError(error, t));

  const openItem = (notification: TNotification, href: string | undefined) => {
    if (!notification.readAt) markRead.mutate({ ids: [notification.id] }, { onError: fail });
    if (href) {
      setOpen(false);
      void navigate(href);
    }
  };

  const item = (notification: TNotification) => {
    const view = describeNotification(notification, t, formatTime);
    const isUnread = notification.readAt === null;
    return (
      <button
        key={notification.id}
        type="button"
        onClick={() => openItem(notification, view.href)}
        data-testid="notification-item"
        data-kind={notification.kind}
        data-unread={isUnread}
        style={{
          all: 'unset',
          boxSizing: 'border-box',
          width: '100%',
          cursor: 'pointer',
          padding: '8px 12px',
          borderRadius: 6,
          background: isUnread ? '#e6f4ff' : undefined,
        }}
      >
        <Flex gap={10} align="start">
          <span
            style={{ fontSize: 18, lineHeight: '22px' }}
            role="img"
            aria-label={t(`notifications.kinds.${notification.kind}`)}
          >
            {KIND_ICONS[notification.kind]}
          </span>
          <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Typography.Text strong={isUnread} style={{ whiteSpace: 'normal', wordBreak: 'break-word' }}>
              {view.text}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`notifications.kinds.${notification.kind}`)} · {formatTime(notification.createdAt)}
            </Typography.Text>
          </Flex>
        </Flex>
      </button>
    );
  };

  const content = (
    <Flex vertical gap={8} style={{ width: compact ? 300 : 380 }} data-testid="notification-panel">
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate({ all: true }, { onError: fail })}
          data-testid="notifications-mark-all-read"
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {query.isError && (
        <Alert
          type="error"
          showIcon
          title={t('notifications.loadFailed')}
          description={describeApiError(query.error, t)}
          action={
            <Button size="small" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {query.isPending && !query.isError ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : items.length === 0 && !query.isError ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <Flex vertical gap={2} style={{ maxHeight: 440, overflowY: 'auto' }} data-testid="notification-list">
          {items.map(item)}
          {query.hasNextPage && (
            <Button type="link" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
              {t('notifications.loadMore')}
            </Button>
          )}
        </Flex>
      )}
    </Flex>
  );

  return (
    <Popover
      content={content}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      arrow={false}
    >
      <Button
        type="text"
        aria-label={
          unread > 0 ? t('notifications.bellWithCount', { count: unread }) : t('notifications.bell')
        }
        data-testid="notification-bell"
        data-unread={unread}
      >
        <Badge count={unread} size="small" overflowCount={99} offset={[4, -2]}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
};
