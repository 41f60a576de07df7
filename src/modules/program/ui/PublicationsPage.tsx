import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Series } from '../contract';
import type { FieldProblem } from '@/shared/errors';
import { applyFieldErrors } from '@/web/shared/api/form-errors';
import { formatDay } from '@/web/shared/lib/format';
import { useCan } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { useAddIssue, useSeries } from './api';
import { useProgramPeriod } from './use-program-period';

function AddIssueForm({ series }: { series: Series }) {
  const { t } = useTranslation();
  const add = useAddIssue(series.id);
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const form = useForm<{ publishedOn: string | null; title: string }>({
    initialValues: { publishedOn: null, title: '' },
  });
  return (
    <form
      noValidate
      aria-label={t('program.publications.addTo', { name: series.name })}
      onSubmit={form.onSubmit((v) =>
        add.mutate(
          { publishedOn: v.publishedOn ?? '', title: v.title },
          {
            onSuccess: () => {
              form.reset();
              setUnplaced([]);
            },
            onError: (e) => setUnplaced(applyFieldErrors(form, e)),
          },
        ),
      )}
    >
      <Stack gap="xs">
        <FormErrorAlert error={add.error} unplaced={unplaced} />
        <Group align="flex-end">
          <DayInput
            label={t('program.publications.date')}
            withAsterisk
            {...form.getInputProps('publishedOn')}
          />
          <TextInput
            label={t('program.publications.issueTitle')}
            withAsterisk
            style={{ flex: 1 }}
            {...form.getInputProps('title')}
          />
          <Button type="submit" loading={add.isPending}>
            {t('program.publications.addIssue')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function PublicationsPage() {
  const { t } = useTranslation();
  const { period, periodSelect } = useProgramPeriod();
  const series = useSeries(period);
  const canWrite = useCan('program.write');
  return (
    <>
      <PageHeader
        title={t('program.publications.title')}
        description={t('program.publications.description')}
        actions={periodSelect}
      />
      {series.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : series.isError ? (
        <QueryError error={series.error} onRetry={() => void series.refetch()} />
      ) : (
        <Stack>
          {series.data.map((s) => (
            <Card withBorder key={s.id} component="section" aria-labelledby={`series-${s.id}`}>
              <Group justify="space-between" align="flex-start">
                <Stack gap={2}>
                  <Title order={2} size="h4" id={`series-${s.id}`}>
                    {s.name}
                  </Title>
                  <Text size="xs" c="dimmed">
                    {[
                      t(`program.cadence.${s.cadence}`),
                      s.objectiveKey ? `${s.lineNumber}.${s.objectiveKey}` : String(s.lineNumber),
                      s.distribution,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Stack>
                <Badge variant="light">
                  {t('program.publications.issueCount', { count: s.issues.length })}
                </Badge>
              </Group>
              {s.missing.length > 0 && (
                <Alert
                  color="red"
                  mt="sm"
                  icon={<IconAlertTriangle aria-hidden />}
                  title={t('program.publications.missing', { count: s.missing.length })}
                >
                  {s.missing.map((m) => m.label).join('; ')}
                </Alert>
              )}
              {s.issues.length > 0 && (
                <Table mt="sm" aria-label={t('program.publications.issuesOf', { name: s.name })}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('program.publications.number')}</Table.Th>
                      <Table.Th>{t('program.publications.date')}</Table.Th>
                      <Table.Th>{t('program.publications.issueTitle')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.issues.map((i) => (
                      <Table.Tr key={i.id}>
                        <Table.Td>{i.number ?? '—'}</Table.Td>
                        <Table.Td>{formatDay(i.publishedOn)}</Table.Td>
                        <Table.Td>{i.title}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {canWrite && (
                <Stack mt="sm">
                  <AddIssueForm series={s} />
                </Stack>
              )}
            </Card>
          ))}
          {series.data.length === 0 && <Text c="dimmed">{t('program.publications.empty')}</Text>}
        </Stack>
      )}
    </>
  );
}
