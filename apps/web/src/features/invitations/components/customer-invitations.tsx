import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { InvitationFormDialog } from './invitation-form-dialog';
import { InvitationsTable } from './invitations-table';

export type CustomerInvitationsProps = {
  customerId: string;
  /** The lead an invitation is booked for (the customer's open lead); none: cannot invite. */
  leadId: string | null;
  timeZone: string;
  inviting: boolean;
  onInvitingChange: (inviting: boolean) => void;
  onSaved?: () => void;
};

/** The customer's invitations on the customer page, and the invitation form its button opens. */
export const CustomerInvitations = ({
  customerId,
  leadId,
  timeZone,
  inviting,
  onInvitingChange,
  onSaved,
}: CustomerInvitationsProps) => {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('invitations.title')}>
      <InvitationsTable timeZone={timeZone} customerId={customerId} />
      <InvitationFormDialog
        target={inviting && leadId ? { leadId } : null}
        timeZone={timeZone}
        onClose={() => onInvitingChange(false)}
        onSaved={() => onSaved?.()}
      />
    </Card>
  );
};
