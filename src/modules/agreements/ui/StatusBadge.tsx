import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InstrumentStatus } from '../contract';

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
