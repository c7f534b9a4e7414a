import { PlusOutlined } from '@ant-design/icons';
import type { TUser } from '@qianke/contracts/accounts';
import { ROLES, type Role } from '@qianke/core/accounts/roles';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Grid,
  Input,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Table,
  type TableColumnsType,
  type TableProps,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { SortOrder as AntSortOrder } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { type UserSortField, type UserStatusFilter, useUsers } from '../api/get-users';
import { useUpdateUser } from '../api/update-user';
import { useUsersFilters } from '../hooks/use-users-filters';
import { CreateUserModal } from './create-user-modal';
import { EditUserModal } from './edit-user-modal';
import { ResetPasswordModal } from './reset-password-modal';
import { RoleTags } from './role-tags';

const SORTABLE: readonly UserSortField[] = ['username', 'displayName', 'createdAt', 'lastLoginAt'];
const isSortable = (key: unknown): key is UserSortField => SORTABLE.includes(key as UserSortField);

type UsersListProps = {
  /** The logged-in administrator, who may not disable their own account. */
  currentUserId: string;
  /** Times are shown in the store's time zone. */
  timeZone: string;
};

export const UsersList = ({ currentUserId, timeZone }: UsersListProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const { filters, update, pageSizes } = useUsersFilters();
  const usersQuery = useUsers(filters);
  const updateUser = useUpdateUser();
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [resetting, setResetting] = useState<TUser | null>(null);
  const [search, setSearch] = useState(filters.q ?? '');
  // On a phone a pinned column would cover the table: let it scroll instead.
  const pinActions = Grid.useBreakpoint().md === true;

  // Back/forward in the browser changes the address: keep the search box in step.
  useEffect(() => setSearch(filters.q ?? ''), [filters.q]);

  // A page past the end (an old link, or the last row of the last page was disabled): go to the last page.
  const total = usersQuery.data?.total;
  const pageIsEmpty = usersQuery.data !== undefined && usersQuery.data.items.length === 0;
  useEffect(() => {
    if (!pageIsEmpty || total === undefined || filters.page <= 1) return;
    const lastPage = Math.max(1, Math.ceil(total / filters.pageSize));
    if (filters.page > lastPage) update({ page: lastPage });
  }, [pageIsEmpty, total, filters.page, filters.pageSize, update]);

  const sortOrderOf = (field: UserSortField): AntSortOrder =>
    filters.sort === field ? (filters.order === 'asc' ? 'ascend' : 'descend') : null;

  const toggleDisabled = async (user: TUser) => {
    try {
      await updateUser.mutateAsync({
        userId: user.id,
        body: { version: user.version, disabled: !user.disabled },
      });
      void message.success(
        t(user.disabled ? 'users.enable.success' : 'users.disable.success', { name: user.displayName }),
      );
    } catch (error) {
      void message.error(
        hasErrorCode(error, 'stale_version') ? t('users.stale') : describeApiError(error, t),
      );
      if (hasErrorCode(error, 'stale_version')) void usersQuery.refetch();
    }
  };

  const dateCell = (iso: string | null) => {
    const text = formatDateTime(iso, timeZone, language);
    return text ?? <Typography.Text type="secondary">{t('common.never')}</Typography.Text>;
  };

  const columns: TableColumnsType<TUser> = [
    {
      key: 'username',
      dataIndex: 'username',
      title: t('users.columns.username'),
      sorter: true,
      sortOrder: sortOrderOf('username'),
      render: (username: string, user) => (
        <Space size={4}>
          <Typography.Text strong={user.id === currentUserId}>{username}</Typography.Text>
          {user.id === currentUserId && <Typography.Text type="secondary">{t('users.you')}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'displayName',
      dataIndex: 'displayName',
      title: t('users.columns.displayName'),
      sorter: true,
      sortOrder: sortOrderOf('displayName'),
    },
    {
      key: 'roles',
      dataIndex: 'roles',
      title: t('users.columns.roles'),
      render: (roles: Role[]) => <RoleTags roles={roles} />,
    },
    {
      key: 'consultantCode',
      dataIndex: 'consultantCode',
      title: t('users.columns.consultantCode'),
      render: (code: string | null) => code ?? <Typography.Text type="secondary">-</Typography.Text>,
    },
    {
      key: 'status',
      title: t('users.columns.status'),
      render: (_, user) => (
        <Flex wrap gap={4}>
          {user.disabled ? (
            <Tag>{t('users.status.disabled')}</Tag>
          ) : (
            <Tag color="success">{t('users.status.active')}</Tag>
          )}
          {user.groupAdmin && <Tag color="gold">{t('users.groupAdmin')}</Tag>}
          {user.mustChangePassword && <Tag color="orange">{t('users.mustChangePassword')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'lastLoginAt',
      dataIndex: 'lastLoginAt',
      title: t('users.columns.lastLoginAt'),
      sorter: true,
      sortOrder: sortOrderOf('lastLoginAt'),
      render: dateCell,
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('users.columns.createdAt'),
      sorter: true,
      sortOrder: sortOrderOf('createdAt'),
      render: dateCell,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: pinActions ? 'right' : undefined,
      render: (_, user) => {
        const self = user.id === currentUserId;
        const toggle = user.disabled ? 'enable' : 'disable';
        return (
          <Space size={0} wrap>
            <Button
              type="link"
              size="small"
              onClick={() => setEditingId(user.id)}
              data-testid={`edit-user-${user.username}`}
            >
              {t('users.edit.action')}
            </Button>
            <Button
              type="link"
              size="small"
              onClick={() => setResetting(user)}
              data-testid={`reset-password-${user.username}`}
            >
              {t('users.resetPassword.action')}
            </Button>
            <Tooltip title={self ? t('users.disable.self') : undefined}>
              <Popconfirm
                title={t(`users.${toggle}.confirmTitle`, { name: user.displayName })}
                description={t(`users.${toggle}.confirmText`)}
                okText={t(`users.${toggle}.action`)}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: !user.disabled }}
                onConfirm={() => toggleDisabled(user)}
                disabled={self}
              >
                <Button
                  type="link"
                  size="small"
                  danger={!user.disabled}
                  disabled={self}
                  data-testid={`${toggle}-user-${user.username}`}
                >
                  {t(`users.${toggle}.action`)}
                </Button>
              </Popconfirm>
            </Tooltip>
          </Space>
        );
      },
    },
  ];

  const onTableChange: TableProps<TUser>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const single = Array.isArray(sorter) ? sorter[0] : sorter;
      if (single?.order && isSortable(single.columnKey)) {
        update({ sort: single.columnKey, order: single.order === 'ascend' ? 'asc' : 'desc', page: 1 });
      } else {
        update({ sort: 'username', order: 'asc', page: 1 });
      }
      return;
    }
    if (extra.action === 'paginate') {
      const pageSize = pagination.pageSize ?? filters.pageSize;
      update({ page: pageSize === filters.pageSize ? (pagination.current ?? 1) : 1, pageSize });
    }
  };

  const statusOptions: { value: UserStatusFilter; label: string }[] = [
    { value: 'active', label: t('users.status.active') },
    { value: 'disabled', label: t('users.status.disabled') },
    { value: 'all', label: t('users.status.all') },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center">
        <Input.Search
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(value) => update({ q: value.trim() || undefined, page: 1 })}
          allowClear
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('users.searchPlaceholder')}
          style={{ width: 260 }}
          data-testid="users-search"
        />
        <Select<Role>
          value={filters.role}
          onChange={(role) => update({ role, page: 1 })}
          allowClear
          placeholder={t('users.allRoles')}
          aria-label={t('users.roleFilter')}
          style={{ width: 180 }}
          options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          data-testid="users-role-filter"
        />
        <Segmented<UserStatusFilter>
          value={filters.status}
          onChange={(status) => update({ status, page: 1 })}
          options={statusOptions}
          aria-label={t('users.statusFilter')}
          data-testid="users-status-filter"
        />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          style={{ marginInlineStart: 'auto' }}
          data-testid="create-user"
        >
          {t('users.create.button')}
        </Button>
      </Flex>

      {usersQuery.isError && (
        <Alert
          type="error"
          showIcon
          title={t('users.loadFailed')}
          description={describeApiError(usersQuery.error, t)}
          action={
            <Button size="small" onClick={() => void usersQuery.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      )}

      <Table<TUser>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={usersQuery.data?.items ?? []}
        loading={usersQuery.isFetching}
        onChange={onTableChange}
        scroll={{ x: 'max-content' }}
        sortDirections={['ascend', 'descend']}
        showSorterTooltip={false}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noData')} />,
        }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: usersQuery.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: pageSizes.map(String),
          showTotal: (total) => t('users.total', { count: total }),
        }}
        data-testid="users-table"
      />

      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          setCreating(false);
          void message.success(t('users.create.success', { name: user.displayName }));
        }}
      />
      <EditUserModal userId={editingId} onClose={() => setEditingId(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Flex>
  );
};
