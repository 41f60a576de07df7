import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Session, SessionStatus } from '../contract';
import governanceStrings from 'virtual:lazy-strings/governance';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(governanceStrings);

const COLORS: Record<SessionStatus, string> = {
  scheduled: 'blue',
  held: 'gray',
  minutes_approved: 'teal',
  cancelled: 'red',
};

/** Where a session stands: programada, celebrada, minuta aprobada (with its agreement) or cancelada. */
export function SessionStatusBadge({ session }: { session: Session }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[session.status]} variant="light" tt="none" component="span">
      {session.status === 'minutes_approved' && session.minutesApprovedBy
        ? t('governance.sessions.approvedBy', { number: session.minutesApprovedBy.number })
        : t(`governance.sessionStatus.${session.status}`)}
    </Badge>
  );
}
