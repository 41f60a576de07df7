import { Box, Card, Group, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../shared/session/session';
import { PageHeader } from '../shared/ui/PageHeader';
import { NAV_ITEMS } from './navigation';
import { AreaQueue, PeriodDashboard } from '@/modules/reports/ui/Dashboard';

// Only administrators see the set-up checklist: its code and its call load with it, apart from the
// home page's bundle every role downloads (ADR 0026's size budget).
const SetupChecklist = lazy(() =>
  import('@/modules/reports/ui/SetupChecklist').then((m) => ({ default: m.SetupChecklist })),
);

/**
 * The home page: what each role sees first — the period at a glance for councillors and liaison
 * staff, their queue for area staff — and then the sections they can use.
 */
export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return null;
  // The national authority's folios are its communications with the local bodies, not with itself.
  const national = me.organization.kind === 'national_authority';
  const sections = NAV_ITEMS.filter(
    (i) => i.to !== '/' && (!i.permission || me.permissions.includes(i.permission)),
  );
  return (
    <>
      <PageHeader
        title={t('home.title', { name: me.name })}
        description={t('home.subtitle', {
          organization: me.organization.name,
          acronym: me.organization.acronym,
        })}
      />
      {me.permissions.includes('setup.read') && (
        <Box mb="xl">
          <Suspense fallback={null}>
            <SetupChecklist />
          </Suspense>
        </Box>
      )}
      {me.permissions.includes('reports.read') && (
        <Box mb="xl">
          <PeriodDashboard />
        </Box>
      )}
      {me.permissions.includes('channel.answer') && (
        <Box mb="xl">
          <AreaQueue />
        </Box>
      )}
      <Title order={2} size="h4" mb="sm">
        {t('home.sections')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {sections.map((item) => (
          <Card
            key={item.to}
            component={Link}
            to={item.to}
            withBorder
            padding="lg"
            radius="md"
            style={{ textDecoration: 'none' }}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Group gap="md" wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" size={42} radius="md">
                  <item.icon size={24} stroke={1.6} aria-hidden />
                </ThemeIcon>
                <div>
                  <Text fw={650} size="lg" c="guinda.8">
                    {t(`nav.${item.label}`)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {national && item.label === 'folios'
                      ? t('home.describeNational.folios')
                      : t(`home.describe.${item.label}`)}
                  </Text>
                </div>
              </Group>
              <IconArrowRight size={18} aria-hidden color="var(--mantine-color-gray-6)" />
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      {sections.length === 0 && <Text c="dimmed">{t('home.nothing')}</Text>}
    </>
  );
}
