import type { TAssignee } from '@qianke/contracts/assignment';
import { Flex, Select, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useAssignees } from '../api/get-assignees';

type AssigneeSelectProps = {
  value?: string | null | undefined;
  onChange?: (value: string | undefined) => void;
  /** Only people holding this role (the nurturing pool goes to CRM specialists). */
  role?: 'consultant' | 'dcc_agent' | 'crm_specialist' | undefined;
  /** People who cannot be chosen here (the current owner, the person handing over). */
  excludeIds?: readonly string[];
  /** Also disabled accounts: a departing colleague handing over. */
  includeDisabled?: boolean;
  placeholder?: string;
  /** The chosen person's name, for the message after saving. */
  onNameChange?: (name: string) => void;
  'data-testid'?: string;
};

type Option = { value: string; label: string; searchText: string; person: TAssignee };

const DutyTag = ({ person, t }: { person: TAssignee; t: TFunction }) => {
  if (person.disabled) return <Tag style={{ marginInlineEnd: 0 }}>{t('distribution.assignee.disabled')}</Tag>;
  return person.onDuty ? (
    <Tag color="success" style={{ marginInlineEnd: 0 }}>
      {t('distribution.assignee.onDuty')}
    </Tag>
  ) : (
    <Tag style={{ marginInlineEnd: 0 }}>{t('distribution.assignee.offDuty')}</Tag>
  );
};

/** A user picker for assignments: each person with their open leads and whether they are on duty today. */
export const AssigneeSelect = ({
  value,
  onChange,
  role,
  excludeIds = [],
  includeDisabled = false,
  placeholder,
  onNameChange,
  'data-testid': testId,
}: AssigneeSelectProps) => {
  const { t } = useTranslation();
  const assignees = useAssignees({ includeDisabled });
  const options: Option[] = (assignees.data?.items ?? [])
    .filter((person) => !excludeIds.includes(person.id) && (!role || person.roles.includes(role)))
    .map((person) => ({
      value: person.id,
      label: person.displayName,
      searchText: `${person.displayName} ${person.username} ${person.consultantCode ?? ''}`.toLowerCase(),
      person,
    }));
  return (
    <Select<string, Option>
      value={value ?? undefined}
      onChange={(next) => {
        onChange?.(next);
        onNameChange?.(options.find((option) => option.value === next)?.label ?? '');
      }}
      showSearch={{
        filterOption: (input, option) => (option?.searchText ?? '').includes(input.trim().toLowerCase()),
      }}
      allowClear
      loading={assignees.isPending}
      placeholder={placeholder ?? t('distribution.assignee.placeholder')}
      options={options}
      optionRender={(option) => {
        const person = option.data.person;
        return (
          <Flex
            gap={8}
            align="center"
            justify="space-between"
            data-testid={`assignee-option-${person.username}`}
          >
            <span>
              {person.displayName}
              {person.consultantCode && (
                <Typography.Text type="secondary"> {person.consultantCode}</Typography.Text>
              )}
            </span>
            <Flex gap={6} align="center">
              <Typography.Text type="secondary">
                {t('distribution.assignee.openLeads', { count: person.openLeads })}
              </Typography.Text>
              <DutyTag person={person} t={t} />
            </Flex>
          </Flex>
        );
      }}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
};
