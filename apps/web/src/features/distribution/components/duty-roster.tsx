import { ASSIGNEE_ROLES } from '@qianke/core/assignment/assignees';
import { App, Empty, List, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { useAssignees } from '../api/get-assignees';
import { useSetDuty } from '../api/set-duty';

/** Who takes leads today: automatic assignment rotates only among those on duty. */
export const DutyRoster = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const assignees = useAssignees();
  const setDuty = useSetDuty();
  return (
    <List
      size="small"
      loading={assignees.isPending}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noData')} /> }}
      dataSource={assignees.data?.items ?? []}
      data-testid="duty-roster"
      renderItem={(person) => (
        <List.Item
          actions={[
            <Switch
              key="duty"
              size="small"
              checked={person.onDuty}
              loading={setDuty.isPending && setDuty.variables?.userId === person.id}
              aria-label={t('distribution.duty.toggle', { name: person.displayName })}
              data-testid={`duty-${person.username}`}
              onChange={(onDuty) =>
                setDuty.mutate(
                  { userId: person.id, onDuty },
                  {
                    onSuccess: () =>
                      void message.success(
                        t(onDuty ? 'distribution.duty.on' : 'distribution.duty.off', {
                          name: person.displayName,
                        }),
                      ),
                    onError: (error) => void message.error(describeApiError(error, t)),
                  },
                )
              }
            />,
          ]}
        >
          <List.Item.Meta
            title={person.displayName}
            description={
              <span>
                {ASSIGNEE_ROLES.filter((role) => person.roles.includes(role)).map((role) => (
                  <Tag key={role} style={{ marginInlineEnd: 4 }}>
                    {t(`roles.${role}`)}
                  </Tag>
                ))}
                <Typography.Text type="secondary">
                  {t('distribution.assignee.openLeads', { count: person.openLeads })}
                </Typography.Text>
              </span>
            }
          />
        </List.Item>
      )}
    />
  );
};
