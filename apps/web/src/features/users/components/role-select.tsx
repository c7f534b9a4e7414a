import { ROLES, type Role } from '@qianke/core/accounts/roles';
import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';

type RoleSelectProps = Omit<SelectProps<Role[]>, 'options' | 'mode'>;

/** Several roles per user, shown with their localised names. */
export const RoleSelect = (props: RoleSelectProps) => {
  const { t } = useTranslation();
  return (
    <Select<Role[]>
      {...props}
      mode="multiple"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('users.form.rolesPlaceholder')}
      options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
    />
  );
};
