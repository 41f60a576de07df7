import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Folio } from '../contract';
import channelStrings from 'virtual:lazy-strings/channel';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(channelStrings);

// Dot badges: the text stays dark (4.5:1 contrast at badge size); the color is in the dot.
const COLORS: Record<Folio['status'], string> = {
  pending_local: 'orange',
  in_process_national: 'blue',
  cancelled: 'gray',
  concluded: 'green',
};

export function FolioStatusBadge({ status }: { status: Folio['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="dot" style={{ overflow: 'visible' }}>
      {t(`channel.status.${status}`)}
    </Badge>
  );
}

/** "Vencido" / "Por vencer" next to a due date, as on every list of folios. */
export function DueBadges({ folio }: { folio: Pick<Folio, 'overdue' | 'dueSoon'> }) {
  const { t } = useTranslation();
  if (!folio.overdue && !folio.dueSoon) return null;
  return (
    <Group gap={4}>
      {folio.overdue && (
        <Badge color="red.9" size="sm" style={{ overflow: 'visible' }}>
          {t('channel.overdue')}
        </Badge>
      )}
      {folio.dueSoon && (
        <Badge color="yellow" c="dark" size="sm" style={{ overflow: 'visible' }}>
          {t('channel.dueSoon')}
        </Badge>
      )}
    </Group>
  );
}
