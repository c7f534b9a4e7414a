import type { Role } from '@qianke/core/accounts/roles';
import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const ROLE_COLOURS: Record<Role, string> = {
  admin: 'red',
  sales_manager: 'volcano',
  consultant: 'blue',
  receptionist: 'cyan',
  dcc_agent: 'geekblue',
  crm_specialist: 'green',
  marketing_manager: 'purple',
};

export const RoleTags = ({ roles }: { roles: readonly Role[] }) => {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={4}>
      {roles.map((role) => (
        <Tag key={role} color={ROLE_COLOURS[role]} style={{ marginInlineEnd: 0 }}>
          {t(`roles.${role}`)}
        </Tag>
      ))}
    </Flex>
  );
};
