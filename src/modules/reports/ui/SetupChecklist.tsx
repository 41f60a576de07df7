import {
  Alert,
  Anchor,
  Badge,
  Card,
  Group,
  Loader,
  Progress,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import officeSetupStrings from 'virtual:lazy-strings/officeSetup';
import { addLazyStrings } from '@/web/i18n/all';
import { QueryError } from '@/web/shared/ui/QueryError';
import type { SetupItem, SetupItemKey } from '../setup-checklist-contract';
import { useSetupChecklist } from './setup-checklist-api';

// The checklist's wording travels with it, not with every role's home page (vite.config.ts).
addLazyStrings(officeSetupStrings);

/** Where each step is done; the mail server has no screen (the installation's operation sets it). */
const PAGES: Record<SetupItemKey, string | null> = {
  areas: '/directorio/areas',
  users: '/administracion/usuarios',
  calendar: '/canal/calendario',
  bodies: '/gobierno',
  program: '/programa',
  letterhead: '/administracion/membrete',
  recipients: '/canal/informes',
  mail: null,
};

function Step({ item, year }: { item: SetupItem; year: number }) {
  const { t } = useTranslation();
  const title = t(`officeSetup.${item.key}.title`, { year });
  const page = PAGES[item.key];
  // A step with records shows what they are; one without says what to register; one half done
  // (the letterhead) says which part it lacks, as the status's context.
  const text =
    item.done || item.count > 0
      ? t(`officeSetup.${item.key}.status`, {
          ...item,
          year,
          context: item.done ? undefined : item.lacks?.[0],
        })
      : t(`officeSetup.${item.key}.todo`, { year });
  return (
    <Group component="li" wrap="nowrap" align="flex-start" gap="sm">
      <ThemeIcon variant="light" color={item.done ? 'teal' : 'gray'} size={28} radius="xl" aria-hidden>
        {item.done ? <IconCircleCheck size={18} /> : <IconCircleDashed size={18} />}
      </ThemeIcon>
      <div style={{ minWidth: 0 }}>
        <Group gap="xs" wrap="wrap">
          {page ? (
            <Anchor component={Link} to={page} fw={600}>
              {title}
            </Anchor>
          ) : (
            <Text fw={600}>{title}</Text>
          )}
          <Badge variant="light" color={item.done ? 'teal' : 'gray'}>
            {item.done ? t('officeSetup.done') : t('officeSetup.pending')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {text}
        </Text>
      </div>
    </Group>
  );
}

/**
 * The administrator's "Puesta en marcha de su oficina" (issue 22 item 3): each step computed from
 * the records, linking to the page where it is done. Once every step is done it shrinks to one
 * line; it cannot be dismissed, since it goes away by itself and a step undone later reappears.
 */
export function SetupChecklist() {
  const { t } = useTranslation();
  const q = useSetupChecklist();
  if (q.isPending) return <Loader aria-label={t('common.loading')} />;
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const { items, year, done } = q.data;
  if (done)
    return (
      <Alert color="teal" icon={<IconCircleCheck aria-hidden />} title={t('officeSetup.ready')}>
        {t('officeSetup.readyText')}
      </Alert>
    );
  const ready = items.filter((i) => i.done).length;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="setup-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="setup-title">
          {t('officeSetup.title')}
        </Title>
        <Text size="sm">{t('officeSetup.intro')}</Text>
        <Progress
          value={(100 * ready) / items.length}
          color="teal"
          aria-label={t('officeSetup.progress', { done: ready, total: items.length })}
        />
        <Text size="sm" c="dimmed">
          {t('officeSetup.progress', { done: ready, total: items.length })}
        </Text>
        <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((item) => (
            <Step key={item.key} item={item} year={year} />
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
