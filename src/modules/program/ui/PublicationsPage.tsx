import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Checkbox,
  FileButton,
  FileInput,
  Group,
  List,
  Loader,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconPaperclip, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cadence, Issue, IssueInput, IssuePatch, ProgramTree, Series, SeriesInput } from '../contract';
import { CADENCES, IssueInputSchema, IssuePatchSchema, SeriesInputSchema } from '../contract';
import { FormBody } from '@/web/shared/form/FormBody';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { formatDay } from '@/web/shared/lib/format';
import { useCan } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import {
  addIssue,
  issueFileUrl,
  PROGRAM_KEY,
  saveSeries,
  updateIssue,
  useAttachIssueFile,
  useDeleteIssue,
  usePrograms,
  useProgramTree,
  useSeries,
} from './api';
import { objectiveOptions } from './ActivityFormModal';
import { ConfirmModal } from '@/web/shared/ui/ConfirmModal';
import { useProgramPeriod } from './use-program-period';
import { withPeriod } from '@/web/shared/lib/use-period';
import programStrings from 'virtual:lazy-strings/program';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(programStrings);

/** The fields an issue's forms share, as the API takes them. */
type IssueValues = {
  publishedOn: string | null;
  title: string;
  number: number | string;
  distribution: string;
};
function issueInput(v: IssueValues) {
  return {
    publishedOn: v.publishedOn ?? '',
    title: v.title,
    number: v.number === '' ? null : Number(v.number),
    distribution: v.distribution.trim() || null,
  };
}

/** The fields an issue's forms share: date, number (and the file the caller adds), title, distribution. */
function IssueFields(props: {
  input: (field: 'publishedOn' | 'number') => object;
  text: (field: 'title' | 'distribution', description?: string) => object;
  file?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Group align="flex-start" grow>
        <DayInput label={t('program.publications.date')} withAsterisk {...props.input('publishedOn')} />
        <NumberInput
          label={t('program.publications.number')}
          min={1}
          allowDecimal={false}
          {...props.input('number')}
        />
        {props.file}
      </Group>
      <TextInput label={t('program.publications.issueTitle')} withAsterisk {...props.text('title')} />
      <TextInput
        label={t('program.publications.distribution')}
        {...props.text('distribution', t('program.publications.distributionHelp'))}
      />
    </>
  );
}

function AddIssueForm({ series }: { series: Series }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: {
      publishedOn: null,
      title: '',
      number: '',
      distribution: '',
      file: null,
    } as IssueValues & {
      file: File | null;
    },
    schema: IssueInputSchema,
    toInput: issueInput,
    save: (input: IssueInput): Promise<Issue> => addIssue(series.id, input, f.form.getValues().file),
    invalidate: [PROGRAM_KEY],
    // A refused file leaves the issue recorded.
    invalidateOnError: true,
    saved: (issue) => t('program.publications.issueAdded', { title: issue.title }),
    onSaved: () => f.form.reset(),
  });
  const form = f.form;
  return (
    <FormBody
      form={f}
      submitLabel={t('program.publications.addIssue')}
      label={t('program.publications.addTo', { name: series.name })}
    >
      <IssueFields
        input={(field) => form.getInputProps(field)}
        text={f.text}
        file={
          <FileInput
            label={t('program.publications.file')}
            clearable
            clearButtonProps={{ 'aria-label': t('program.publications.clearFile') }}
            {...form.getInputProps('file')}
          />
        }
      />
    </FormBody>
  );
}

/** Corrects an issue: its series, date, number, title, distribution and file (replaced or taken off). */
function IssueFormModal({ issue, series, onClose }: { issue: Issue; series: Series[]; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: {
      seriesId: issue.seriesId,
      publishedOn: issue.publishedOn,
      title: issue.title,
      number: issue.number ?? '',
      distribution: issue.distribution ?? '',
      file: null,
      removeFile: false,
    } as IssueValues & { seriesId: string; file: File | null; removeFile: boolean },
    schema: IssuePatchSchema,
    toInput: (v): IssuePatch => ({ seriesId: v.seriesId, ...issueInput(v) }),
    save: (patch: IssuePatch): Promise<Issue> => {
      const { file, removeFile }: { file: File | null; removeFile: boolean } = f.form.getValues();
      return updateIssue(issue.id, patch, { replace: file, remove: removeFile });
    },
    invalidate: [PROGRAM_KEY],
    // A refused file leaves the correction saved.
    invalidateOnError: true,
    saved: () => t('program.publications.issueSaved'),
    onSaved: onClose,
  });
  const form = f.form;
  return (
    <FormModal
      form={f}
      onClose={onClose}
      title={t('program.publications.editIssueNamed', { title: issue.title })}
      submitLabel={t('common.saveChanges')}
    >
      <Select
        label={t('program.publications.series')}
        data={series.map((s) => ({ value: s.id, label: s.name }))}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('seriesId')}
      />
      <IssueFields input={(field) => form.getInputProps(field)} text={f.text} />
      <FileInput
        label={issue.file ? t('program.publications.replaceFile') : t('program.publications.file')}
        description={
          issue.file ? t('program.publications.currentFile', { name: issue.file.filename }) : undefined
        }
        clearable
        clearButtonProps={{ 'aria-label': t('program.publications.clearFile') }}
        disabled={form.values.removeFile}
        {...form.getInputProps('file')}
      />
      {issue.file && (
        <Checkbox
          label={t('program.publications.removeFile', { name: issue.file.filename })}
          disabled={!!form.values.file}
          {...form.getInputProps('removeFile', { type: 'checkbox' })}
        />
      )}
    </FormModal>
  );
}

/** An issue's file: a download link, or (for writers) a button to attach one. */
function IssueFile({ issue, canWrite }: { issue: Issue; canWrite: boolean }) {
  const { t } = useTranslation();
  const attach = useAttachIssueFile(issue.id);
  if (issue.file)
    return (
      <Anchor size="sm" href={issueFileUrl(issue.id)}>
        {issue.file.filename}
      </Anchor>
    );
  if (!canWrite) return <>—</>;
  return (
    <Stack gap={2}>
      <FileButton onChange={(file) => file && attach.mutate(file)}>
        {(props) => (
          <Button
            {...props}
            size="compact-xs"
            variant="subtle"
            loading={attach.isPending}
            leftSection={<IconPaperclip size={12} aria-hidden />}
            aria-label={t('program.publications.attachTo', { title: issue.title })}
          >
            {t('program.activities.attach')}
          </Button>
        )}
      </FileButton>
      {attach.isError && (
        <Text size="xs" c="red.8" role="alert">
          {t('program.activities.attachFailed')}
        </Text>
      )}
    </Stack>
  );
}

/** Registers a publication series, or modifies `series`: objective, name, cadence, distribution. */
function SeriesFormModal({
  series,
  tree,
  onClose,
}: {
  series: Series | null;
  tree: ProgramTree | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: {
      objectiveId: series ? (series.objectiveId ? `o:${series.objectiveId}` : `l:${series.lineId}`) : null,
      name: series?.name ?? '',
      cadence: (series?.cadence ?? 'monthly') as Cadence,
      startsOn: series?.startsOn ?? (null as string | null),
      endsOn: series?.endsOn ?? (null as string | null),
      audience: series?.audience ?? '',
      distribution: series?.distribution ?? '',
      datesByMonth: series?.datesByMonth ?? false,
      sentWeekly: series?.sentWeekly ?? false,
    },
    schema: SeriesInputSchema,
    toInput: (v) => {
      const [scope, scopeId] = (v.objectiveId ?? ':').split(':');
      return {
        ...(scope === 'o' ? { objectiveId: scopeId } : scope === 'l' ? { lineId: scopeId } : {}),
        name: v.name,
        cadence: v.cadence,
        startsOn: v.startsOn,
        endsOn: v.endsOn,
        audience: v.audience.trim() || null,
        distribution: v.distribution.trim() || null,
        datesByMonth: v.datesByMonth,
        sentWeekly: v.cadence === 'weekly' && v.sentWeekly,
      };
    },
    save: (input) => saveSeries(series?.id ?? null, input as SeriesInput),
    invalidate: [PROGRAM_KEY],
    saved: () => t('program.publications.seriesSaved'),
    onSaved: onClose,
    aliases: { lineId: 'objectiveId' },
  });
  const form = f.form;
  const options = objectiveOptions(tree);
  // A series of another year's program keeps its objective even when this year's tree lacks it.
  if (
    series &&
    form.getValues().objectiveId &&
    !options.some((o) => o.value === form.getValues().objectiveId)
  )
    options.unshift({
      value: form.getValues().objectiveId!,
      label: series.objectiveKey ? `${series.lineNumber}.${series.objectiveKey}` : String(series.lineNumber),
    });
  return (
    <FormModal
      form={f}
      onClose={onClose}
      title={series ? t('program.publications.editSeries') : t('program.publications.newSeries')}
      submitLabel={t('common.saveChanges')}
    >
      <Select
        label={t('program.activities.objective')}
        withAsterisk
        searchable
        data={options}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('objectiveId')}
      />
      <TextInput label={t('program.publications.seriesName')} withAsterisk {...f.text('name')} />
      <Select
        label={t('program.publications.cadence')}
        withAsterisk
        allowDeselect={false}
        data={CADENCES.map((c) => ({ value: c, label: t(`program.cadence.${c}`) }))}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('cadence')}
      />
      <Group grow align="flex-start">
        <DayInput label={t('program.publications.startsOn')} clearable {...form.getInputProps('startsOn')} />
        <DayInput label={t('program.publications.endsOn')} clearable {...form.getInputProps('endsOn')} />
      </Group>
      <TextInput label={t('program.publications.audience')} {...f.text('audience')} />
      <TextInput
        label={t('program.publications.distribution')}
        {...f.text('distribution', t('program.publications.distributionHelp'))}
      />
      <Checkbox
        label={t('program.publications.datesByMonth')}
        description={t('program.publications.datesByMonthHelp')}
        {...form.getInputProps('datesByMonth', { type: 'checkbox' })}
      />
      {form.getValues().cadence === 'weekly' && (
        <Checkbox
          label={t('program.publications.sentWeekly')}
          description={t('program.publications.sentWeeklyHelp')}
          {...form.getInputProps('sentWeekly', { type: 'checkbox' })}
        />
      )}
    </FormModal>
  );
}

export default withPeriod(PublicationsPage);

function PublicationsPage() {
  const { t } = useTranslation();
  const { period, periodSelect } = useProgramPeriod();
  const series = useSeries(period);
  const programs = usePrograms();
  const programId = programs.data?.find((p) => String(p.year) === period.from.slice(0, 4))?.id ?? null;
  const tree = useProgramTree(programId);
  const canWrite = useCan('program.write');
  const [editing, setEditing] = useState<Series | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Issue | null>(null);
  const [correcting, setCorrecting] = useState<Issue | null>(null);
  const deleteIssue = useDeleteIssue();
  return (
    <>
      <PageHeader
        title={t('program.publications.title')}
        description={t('program.publications.description')}
        actions={
          <Group gap="xs" align="flex-end">
            {periodSelect}
            {canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                {t('program.publications.newSeries')}
              </Button>
            )}
          </Group>
        }
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
                      s.sentWeekly ? t('program.publications.sentWeeklyShort') : null,
                      s.objectiveKey ? `${s.lineNumber}.${s.objectiveKey}` : String(s.lineNumber),
                      s.distribution,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Stack>
                <Group gap="xs">
                  {s.missing.length > 0 && (
                    <Badge color="red.8" variant="filled">
                      {t('program.publications.missingBadge', { count: s.missing.length })}
                    </Badge>
                  )}
                  <Badge variant="light">
                    {t('program.publications.issueCount', { count: s.issues.length })}
                  </Badge>
                  {canWrite && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconPencil size={12} aria-hidden />}
                      aria-label={t('program.publications.editSeriesNamed', { name: s.name })}
                      onClick={() => setEditing(s)}
                    >
                      {t('common.edit')}
                    </Button>
                  )}
                </Group>
              </Group>
              {s.missing.length > 0 && (
                <Alert
                  color="red"
                  mt="sm"
                  icon={<IconAlertTriangle aria-hidden />}
                  title={t('program.publications.missing', { count: s.missing.length })}
                >
                  <List size="sm">
                    {s.missing.map((m) => (
                      <List.Item key={m.from}>{m.label}</List.Item>
                    ))}
                  </List>
                </Alert>
              )}
              {s.issues.length > 0 && (
                <Table mt="sm" aria-label={t('program.publications.issuesOf', { name: s.name })}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('program.publications.number')}</Table.Th>
                      <Table.Th>{t('program.publications.date')}</Table.Th>
                      <Table.Th>{t('program.publications.issueTitle')}</Table.Th>
                      <Table.Th>{t('program.publications.distribution')}</Table.Th>
                      <Table.Th>{t('program.publications.file')}</Table.Th>
                      {canWrite && <Table.Th>{t('common.actions')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.issues.map((i) => (
                      <Table.Tr key={i.id}>
                        <Table.Td>{i.number ?? '—'}</Table.Td>
                        <Table.Td>{formatDay(i.publishedOn)}</Table.Td>
                        <Table.Td>{i.title}</Table.Td>
                        <Table.Td>{i.distribution ?? '—'}</Table.Td>
                        <Table.Td>
                          <IssueFile issue={i} canWrite={canWrite} />
                        </Table.Td>
                        {canWrite && (
                          <Table.Td>
                            <Group gap={4} wrap="nowrap">
                              <ActionIcon
                                variant="subtle"
                                aria-label={t('program.publications.editIssueNamed', { title: i.title })}
                                onClick={() => setCorrecting(i)}
                              >
                                <IconPencil size={16} aria-hidden />
                              </ActionIcon>
                              <ActionIcon
                                variant="subtle"
                                color="red.9"
                                aria-label={t('program.publications.deleteIssueNamed', { title: i.title })}
                                onClick={() => setDeleting(i)}
                              >
                                <IconTrash size={16} aria-hidden />
                              </ActionIcon>
                            </Group>
                          </Table.Td>
                        )}
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
      {deleting && (
        <ConfirmModal
          title={t('program.publications.deleteIssue')}
          message={t('program.publications.deleteIssueConfirm', { title: deleting.title })}
          confirm={t('common.delete')}
          mutation={deleteIssue}
          onConfirm={() => deleteIssue.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
          onClose={() => setDeleting(null)}
        />
      )}
      {correcting && series.data && (
        <IssueFormModal issue={correcting} series={series.data} onClose={() => setCorrecting(null)} />
      )}
      {editing && (
        <SeriesFormModal
          series={editing === 'new' ? null : editing}
          tree={tree.data}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
