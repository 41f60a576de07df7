import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InstrumentStatus } from '../contract';
import agreementsStrings from 'virtual:lazy-strings/agreements';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(agreementsStrings);

const COLORS: Record<InstrumentStatus, string> = {
  negotiation: 'yellow',
  signature: 'orange',
  in_force: 'green',
  to_renegotiate: 'grape',
  concluded: 'gray',
  terminated_early: 'red',
};

export function StatusBadge({ status }: { status: InstrumentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" c="dark.8">
      {t(`agreements.status.${status}`)}
    </Badge>
  );
}
