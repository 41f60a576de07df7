import { Alert, Badge, Button, FileInput, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconDownload,
  IconFileSpreadsheet,
  IconUpload,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ImportOutcome, ImportPlan } from '@/shared/import-plan';
import { ApiRequestError } from '../api/client';
import { useSaveForm } from '../form/use-save-form';
import { useReturnFocus } from '../form/FormModal';
import i18n from 'i18next';
import importPlanStrings from 'virtual:lazy-strings/importPlan';
import { errorText } from './errors';

// The dialog's lazy strings (vite.config.ts), added as addLazyStrings does: importing web/i18n/all
// from a second page would fold it into a shared chunk loaded by the home page.
i18n.addResourceBundle('es-MX', 'translation', importPlanStrings, true, true);

// An import with a dry run (ADR 0032), for any module: choose the file → the server's plan of every
// row (what would be created, updated, left as it is or refused, and why) → confirm → the same
// plan applied in one transaction. The file travels twice; nothing is kept between the two calls.

const FileSchema = z.object({
  file: z.custom<File>((v) => typeof File !== 'undefined' && v instanceof File, 'Elija el archivo'),
});

const OUTCOME_COLOR: Record<ImportOutcome, string> = {
  create: 'teal',
  update: 'blue',
  unchanged: 'gray',
  refused: 'red',
};

export function ImportPlanModal(props: {
  title: string;
  /** What the file must hold. */
  help: ReactNode;
  /** The header of the column naming each record ("Instrumento"). */
  recordHeader: string;
  /** Downloads the template in a format (the module's `ui/api.ts`). */
  template: (format: 'csv' | 'xlsx') => Promise<void>;
  preview: (file: File) => Promise<ImportPlan>;
  commit: (file: File) => Promise<ImportPlan>;
  /** Query keys the imported records make stale. */
  invalidate: readonly QueryKey[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  useReturnFocus();
  const queryClient = useQueryClient();
  const [plan, setPlan] = useState<{ file: File; answer: ImportPlan } | null>(null);
  const [templateError, setTemplateError] = useState<unknown>(null);
  const choose = useSaveForm<{ file: File | null }, { file: File | null }, ImportPlan>({
    initialValues: { file: null },
    schema: FileSchema,
    toInput: (values) => values,
    save: (input) => props.preview(input.file!),
    onSaved: (answer, values) => setPlan({ file: values.file!, answer }),
  });
  const commit = useMutation({
    mutationFn: (file: File) => props.commit(file),
    onSuccess: () => {
      for (const queryKey of props.invalidate) void queryClient.invalidateQueries({ queryKey });
    },
  });
  const done = commit.data;
  const shown = done ?? plan?.answer;
  const blocked = !!shown && (shown.counts.refused > 0 || shown.headerProblems.length > 0);
  const nothingToDo = !!shown && shown.counts.create + shown.counts.update === 0;
  const again = () => {
    setPlan(null);
    commit.reset();
    choose.form.reset();
  };

  return (
    <Modal opened onClose={props.onClose} title={props.title} size="xl">
      <Stack>
        {!shown && (
          <form noValidate onSubmit={choose.submit}>
            <Stack>
              <Text size="sm">{props.help}</Text>
              <Group gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconDownload size={14} aria-hidden />}
                  onClick={() => void props.template('xlsx').catch(setTemplateError)}
                >
                  {t('importPlan.templateXlsx')}
                </Button>
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconDownload size={14} aria-hidden />}
                  onClick={() => void props.template('csv').catch(setTemplateError)}
                >
                  {t('importPlan.templateCsv')}
                </Button>
              </Group>
              {templateError !== null && (
                <Alert color="red" role="alert" title={errorText(templateError, t)} />
              )}
              {choose.error !== null && (choose.unplaced.length > 0 || !onFields(choose.error)) && (
                <RefusedFile error={choose.error} unplaced={choose.unplaced} />
              )}
              <FileInput
                label={t('files.file')}
                description={t('files.fileHelp')}
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                clearable
                leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
                clearButtonProps={{ 'aria-label': t('files.clear') }}
                withAsterisk
                {...choose.form.getInputProps('file')}
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={props.onClose}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={choose.mutation.isPending}>
                  {t('importPlan.review')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}

        {shown && (
          <>
            <Summary plan={shown} file={plan!.file.name} />
            {commit.error !== null && (
              <Alert
                color="red"
                icon={<IconAlertTriangle aria-hidden />}
                role="alert"
                title={errorText(commit.error, t)}
              />
            )}
            {!done && blocked && (
              <Alert
                color="red"
                icon={<IconAlertTriangle aria-hidden />}
                role="alert"
                title={t('importPlan.blocked')}
              >
                {t('importPlan.fixAndRetry')}
              </Alert>
            )}
            {!done && !blocked && nothingToDo && (
              <Alert
                color="gray"
                icon={<IconCircleCheck aria-hidden />}
                role="status"
                title={t('importPlan.nothing')}
              />
            )}
            {done && (
              <Alert
                color="teal"
                icon={<IconCircleCheck aria-hidden />}
                role="status"
                title={t('importPlan.done')}
              >
                {t('importPlan.doneCounts', done.counts)}
              </Alert>
            )}
            <PlanTable plan={shown} recordHeader={props.recordHeader} applied={!!done} />
            <Group justify="flex-end">
              {done ? (
                <Button onClick={props.onClose}>{t('common.close')}</Button>
              ) : (
                <>
                  <Button variant="default" onClick={again}>
                    {t('importPlan.otherFile')}
                  </Button>
                  <Button
                    leftSection={<IconUpload size={16} aria-hidden />}
                    disabled={blocked || nothingToDo}
                    loading={commit.isPending}
                    onClick={() => commit.mutate(plan!.file)}
                  >
                    {t('importPlan.confirm', { count: shown.counts.create + shown.counts.update })}
                  </Button>
                </>
              )}
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}

/** A refusal whose every problem is shown on the form's field (the file). */
const onFields = (error: unknown) => error instanceof ApiRequestError && error.fields.length > 0;

/** Why a file cannot be read at all (headers, size, format): the reason, and each problem when several. */
function RefusedFile(props: { error: unknown; unplaced: { path: string; message: string }[] }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
      title={errorText(props.error, t)}
    >
      {props.unplaced.length > 1 && (
        <List size="sm">
          {props.unplaced.map((p) => (
            <List.Item key={`${p.path}-${p.message}`}>{p.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

function Summary(props: { plan: ImportPlan; file: string }) {
  const { t } = useTranslation();
  const { counts } = props.plan;
  const tense = props.plan.dryRun ? 'will' : 'did';
  return (
    <Stack gap={6}>
      <Text size="sm">
        {t(props.plan.dryRun ? 'importPlan.previewOf' : 'importPlan.resultOf', { file: props.file })}
      </Text>
      <Group gap="xs" role="list" aria-label={t('importPlan.countsLabel')}>
        {(['create', 'update', 'unchanged', 'refused'] as const).map((o) => (
          <Badge
            key={o}
            role="listitem"
            color={counts[o] ? OUTCOME_COLOR[o] : 'gray'}
            variant="light"
            c="dark.8"
            tt="none"
            size="lg"
          >
            {t(`importPlan.count.${tense}.${o}`, { count: counts[o] })}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

function PlanTable(props: { plan: ImportPlan; recordHeader: string; applied: boolean }) {
  const { t } = useTranslation();
  const tense = props.applied ? 'did' : 'will';
  const { plan } = props;
  return (
    <Stack gap={4}>
      <Table.ScrollContainer minWidth={0} maxHeight={360}>
        <Table striped withTableBorder fz="sm" stickyHeader>
          <Table.Caption className="sr-caption">{t('importPlan.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>{t('files.row')}</Table.Th>
              <Table.Th w="40%">{props.recordHeader}</Table.Th>
              <Table.Th>{t('importPlan.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.headerProblems.map((p) => (
              <Table.Tr key={`h-${p.field}`}>
                <Table.Td>{p.row}</Table.Td>
                <Table.Td>
                  <Text span size="sm" c="dimmed">
                    {t('importPlan.headerRow')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Badge color="red" variant="light" c="dark.8">
                      {t('importPlan.outcomeShort.will.refused')}
                    </Badge>
                    <Text size="sm">
                      <Text span fw={600} size="sm">
                        {p.field}:
                      </Text>{' '}
                      {p.message}
                    </Text>
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
            {plan.rows.map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.label || '—'}</Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Badge color={OUTCOME_COLOR[r.outcome]} variant="light" c="dark.8">
                      {t(`importPlan.outcomeShort.${tense}.${r.outcome}`)}
                    </Badge>
                    {r.problems.map((p, i) => (
                      <Text key={i} size="sm">
                        <Text span fw={600} size="sm">
                          {p.field}:
                        </Text>{' '}
                        {p.message}
                      </Text>
                    ))}
                    {r.changes.length > 0 && (
                      <Text size="sm">{t('importPlan.changes', { columns: r.changes.join(', ') })}</Text>
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {plan.unlisted > 0 && (
        <Text size="xs" c="dimmed">
          {t('importPlan.unlisted', { count: plan.unlisted })}
        </Text>
      )}
    </Stack>
  );
}
