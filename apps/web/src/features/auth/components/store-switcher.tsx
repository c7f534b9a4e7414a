import { ShopOutlined } from '@ant-design/icons';
import type { TMe } from '@qianke/contracts/auth';
import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { useSwitchStore } from '../api/switch-store';

type StoreSwitcherProps = {
  me: TMe;
  /** Narrow screens: the store name only. */
  compact?: boolean;
  onSwitched: (me: TMe) => void;
};

/** For group admins: the store they work in now. Everything on screen belongs to this store. */
export const StoreSwitcher = ({ me, compact = false, onSwitched }: StoreSwitcherProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const switchStore = useSwitchStore();

  const change = (storeId: string) => {
    if (storeId === me.store.id) return;
    switchStore.mutate(storeId, {
      onSuccess: (next) => {
        void message.success(t('header.storeSwitched', { name: next.store.name }));
        onSwitched(next);
      },
      onError: (error) => {
        void message.error(describeApiError(error, t));
      },
    });
  };

  return (
    <Select
      value={me.store.id}
      onChange={change}
      loading={switchStore.isPending}
      disabled={switchStore.isPending}
      aria-label={t('header.switchStore')}
      prefix={compact ? undefined : <ShopOutlined />}
      popupMatchSelectWidth={false}
      style={compact ? { width: 128 } : { minWidth: 200 }}
      options={me.stores.map((store) => ({ value: store.id, label: `${store.name} · ${store.code}` }))}
      data-testid="store-switcher"
    />
  );
};
