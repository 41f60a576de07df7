import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconRefresh } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PeriodGate, useKnownPeriod } from '@/web/shared/lib/use-period';
import { useMe } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { ConfirmModal } from '@/web/shared/ui/ConfirmModal';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import { FormBody } from '@/web/shared/form/FormBody';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { maxLengthAt } from '@/shared/field-labels';
import {
  ApproveInputSchema,
  ADDED_PARAGRAPH_PREFIX,
  NarrativeInputSchema,
  PendingItemsInputSchema,
  ReportInputSchema,
  type PendingItemsInput,
  type ApproveInput,
  type NarrativeInput,
  type ReportDetail,
  type ReportFormat,
  type ReportInput,
} from '../contract';
import {
  approveReport,
  downloadReport,
  generateReport,
  REPORTS_KEY,
  useBodyAgreements,
  useRegenerateReport,
  useReport,
  useReportBodies,
  useReportCheck,
  useReportHtml,
  useReports,
  updateNarrative,
  updatePendingItems,
} from './api';

const FORMATS: ReportFormat[] = ['docx', 'pdf', 'html', 'md'];

function quarterRange(year: number, quarter: number) {
  const last = quarter * 3;
  const end = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { from: `${year}-${mm(last - 2)}-01`, to: `${year}-${mm(last)}-${end}` };
}

type GenerateValues = {
  bodyId: string | null;
  quarter: string;
  year: number;
  from: string | null;
  to: string | null;
};

/** Choose a body and a period, generate the draft. */
function GenerateForm({ onGenerated }: { onGenerated: (id: string) => void }) {
  const { t } = useTranslation();
  const bodies = useReportBodies();
  // Opens on the app's chosen quarter (the latest with records by default) and keeps a new choice.
  const { period: chosen, setPeriod } = useKnownPeriod();
  const choose = (y: number, q: string) => {
    if (q !== 'custom') setPeriod(`${y}-T${q}`);
  };
  const f = useSaveForm({
    initialValues: {
      bodyId: null,
      quarter: chosen.value.slice(6),
      year: Number(chosen.value.slice(0, 4)),
      from: null,
      to: null,
    } as GenerateValues,
    schema: ReportInputSchema,
    toInput: (v): ReportInput => ({
      bodyId: v.bodyId ?? '',
      ...(v.quarter === 'custom'
        ? { from: v.from ?? '', to: v.to ?? '' }
        : quarterRange(v.year, Number(v.quarter))),
    }),
    save: generateReport,
    invalidate: [REPORTS_KEY],
    onSaved: (detail) => onGenerated(detail.id),
  });
  const { year, quarter } = f.form.getValues();
  const custom = quarter === 'custom';
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="generate-title">
      <Title order={2} size="h4" id="generate-title" mb="sm">
        {t('reports.generate.title')}
      </Title>
      <FormBody form={f} submitLabel={t('reports.generate.submit')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <Select
            label={t('reports.generate.body')}
            required
            data={(bodies.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.acronym} · ${b.name}` }))}
            {...f.form.getInputProps('bodyId')}
            searchable
          />
          <Select
            label={t('reports.generate.period')}
            data={[
              ...[1, 2, 3, 4].map((q) => ({
                value: String(q),
                label: t('reports.generate.quarter', { n: q }),
              })),
              { value: 'custom', label: t('reports.generate.custom') },
            ]}
            {...f.form.getInputProps('quarter')}
            onChange={(v) => {
              f.form.setFieldValue('quarter', v ?? '1');
              choose(year, v ?? '1');
            }}
            allowDeselect={false}
          />
          {custom ? (
            <>
              <DayInput label={t('reports.generate.from')} {...f.form.getInputProps('from')} />
              <DayInput label={t('reports.generate.to')} {...f.form.getInputProps('to')} />
            </>
          ) : (
            <NumberInput
              label={t('reports.generate.year')}
              {...f.form.getInputProps('year')}
              min={2000}
              max={2100}
              onChange={(v) => {
                const y = Number(v) || new Date().getFullYear();
                f.form.setFieldValue('year', y);
                if (y >= 2000 && y <= 2100) choose(y, quarter);
              }}
            />
          )}
        </SimpleGrid>
      </FormBody>
    </Card>
  );
}

/** The Presentación's paragraphs, editable one by one; edits survive regeneration. */
function NarrativeEditor({ report, canWrite }: { report: ReportDetail; canWrite: boolean }) {
  const paragraphs = useMemo(
    () =>
      report.document.blocks.flatMap((b) =>
        b.type === 'paragraph' && b.key?.startsWith('presentation.')
          ? [
              {
                key: b.key,
                text: b.runs
                  .map((r) => (r.bold ? `**${r.text}**` : r.italic ? `*${r.text}*` : r.text))
                  .join(''),
                edited: Boolean(b.edited),
                highlight: Boolean(b.highlight),
                stale: Boolean(b.stale),
              },
            ]
          : [],
      ),
    [report],
  );
  // A new version (saved, restored or regenerated) starts the form again from its text.
  return (
    <NarrativeForm
      key={report.version}
      reportId={report.id}
      paragraphs={paragraphs}
      removed={report.presentation.removed ?? []}
      locked={!canWrite || report.status === 'approved'}
    />
  );
}

/** The longest paragraph the API takes (read from the contract, for the character count). */
const PARAGRAPH_MAX = maxLengthAt(NarrativeInputSchema, ['paragraphs', 'presentation']);

type NarrativeParagraph = { key: string; text: string; edited: boolean; highlight: boolean; stale: boolean };

function NarrativeForm(props: {
  reportId: string;
  paragraphs: NarrativeParagraph[];
  removed: string[];
  locked: boolean;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  // Paragraph keys hold dots ("presentation.1"): the form names its fields by position instead.
  const field = (k: number) => `p${k}`;
  const aliases = Object.fromEntries(props.paragraphs.map((p, k) => [`paragraphs.${p.key}`, field(k)]));
  const f = useSaveForm({
    initialValues: Object.fromEntries(props.paragraphs.map((p, k) => [field(k), p.text])) as Record<
      string,
      string
    >,
    schema: NarrativeInputSchema,
    toInput: (v): NarrativeInput => ({
      paragraphs: Object.fromEntries(
        props.paragraphs.flatMap((p, k) => (v[field(k)] !== p.text ? [[p.key, v[field(k)] ?? '']] : [])),
      ),
    }),
    save: (input) => updateNarrative(props.reportId, input),
    invalidate: [REPORTS_KEY],
    saved: () => t('reports.narrative.saved'),
    aliases,
  });
  const values = f.form.getValues();
  const changed = props.paragraphs.some((p, k) => values[field(k)] !== p.text);
  const highlights = props.paragraphs.filter((p) => p.highlight).map((p) => p.key);
  const busy = f.mutation.isPending;
  // Reordering, removing and adding act at once, each a new version (unsaved rewrites wait).
  const move = (key: string, by: -1 | 1) => {
    const order = [...highlights];
    const k = order.indexOf(key);
    [order[k], order[k + by]] = [order[k + by]!, order[k]!];
    f.mutation.mutate({ paragraphs: {}, order });
  };
  const remove = (key: string) =>
    key.startsWith(ADDED_PARAGRAPH_PREFIX)
      ? f.mutation.mutate({ paragraphs: { [key]: null }, order: highlights.filter((k) => k !== key) })
      : f.mutation.mutate({ paragraphs: {}, removed: [...props.removed, key] });
  const add = () => {
    const taken = highlights
      .filter((k) => k.startsWith(ADDED_PARAGRAPH_PREFIX))
      .map((k) => Number(k.slice(ADDED_PARAGRAPH_PREFIX.length)) || 0);
    const key = `${ADDED_PARAGRAPH_PREFIX}${Math.max(0, ...taken) + 1}`;
    f.mutation.mutate(
      { paragraphs: { [key]: draft.trim() }, order: [...highlights, key] },
      { onSuccess: () => setDraft('') },
    );
  };
  const fields = (
    <>
      <Text size="sm" c="dimmed">
        {t('reports.narrative.help')}
      </Text>
      {props.paragraphs.map((p, k) => {
        const text = values[field(k)] ?? '';
        const origin = p.key.startsWith(ADDED_PARAGRAPH_PREFIX)
          ? t('reports.narrative.added')
          : p.edited
            ? t('reports.narrative.edited')
            : t('reports.narrative.generated');
        const at = highlights.indexOf(p.key);
        return (
          <Stack key={p.key} gap={4}>
            {p.stale && (
              <Alert color="yellow" icon={<IconAlertTriangle size={16} />} p="xs">
                {t('reports.narrative.stale')}
              </Alert>
            )}
            <Textarea
              label={t(p.highlight ? 'reports.narrative.highlight' : 'reports.narrative.paragraph', {
                n: k + 1,
              })}
              autosize
              minRows={2}
              readOnly={props.locked}
              {...f.form.getInputProps(field(k))}
              description={
                props.locked || PARAGRAPH_MAX === undefined
                  ? origin
                  : `${origin} · ${t('common.characters', { count: text.length, max: PARAGRAPH_MAX })}`
              }
            />
            {!props.locked && (p.highlight || (p.edited && !p.key.startsWith(ADDED_PARAGRAPH_PREFIX))) && (
              <Group gap="xs">
                {p.edited && !p.key.startsWith(ADDED_PARAGRAPH_PREFIX) && (
                  <Button
                    size="xs"
                    variant="subtle"
                    disabled={busy}
                    onClick={() => f.mutation.mutate({ paragraphs: { [p.key]: null } })}
                  >
                    {t('reports.narrative.restore')}
                  </Button>
                )}
                {p.highlight && (
                  <>
                    <Button
                      size="xs"
                      variant="subtle"
                      disabled={busy || at <= 0}
                      onClick={() => move(p.key, -1)}
                    >
                      {t('reports.narrative.up')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      disabled={busy || at >= highlights.length - 1}
                      onClick={() => move(p.key, 1)}
                    >
                      {t('reports.narrative.down')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      disabled={busy}
                      onClick={() => remove(p.key)}
                    >
                      {t('reports.narrative.remove')}
                    </Button>
                  </>
                )}
              </Group>
            )}
          </Stack>
        );
      })}
      {!props.locked && (
        <Stack gap={4}>
          <Textarea
            label={t('reports.narrative.new')}
            description={t('reports.narrative.newHelp')}
            autosize
            minRows={2}
            maxLength={PARAGRAPH_MAX}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
          />
          <Group gap="xs">
            <Button size="xs" variant="light" disabled={busy || !draft.trim()} onClick={add}>
              {t('reports.narrative.add')}
            </Button>
            {props.removed.length > 0 && (
              <Button
                size="xs"
                variant="subtle"
                disabled={busy}
                onClick={() => f.mutation.mutate({ paragraphs: {}, removed: [] })}
              >
                {t('reports.narrative.putBack', { count: props.removed.length })}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </>
  );
  if (props.locked) return <Stack gap="sm">{fields}</Stack>;
  return (
    <FormBody form={f} submitLabel={t('reports.narrative.save')} submitDisabled={!changed}>
      {fields}
    </FormBody>
  );
}

/** Section V's items written by staff, each under a program line or before them (issue 16). */
function PendingItemsEditor({ report, canWrite }: { report: ReportDetail; canWrite: boolean }) {
  return (
    <PendingItemsForm
      key={report.version}
      reportId={report.id}
      items={report.pendingItems}
      lines={report.document.objectives
        .map((o) => o.code.split('.')[0]!)
        .filter((l, k, all) => all.indexOf(l) === k)}
      locked={!canWrite || report.status === 'approved'}
    />
  );
}

type PendingValues = { items: { line: string | null; text: string }[] };

function PendingItemsForm(props: {
  reportId: string;
  items: { line: string | null; text: string }[];
  lines: string[];
  locked: boolean;
}) {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { items: props.items.map((i) => ({ line: i.line, text: i.text })) } as PendingValues,
    schema: PendingItemsInputSchema,
    toInput: (v): PendingItemsInput => ({ items: v.items }),
    save: (input) => updatePendingItems(props.reportId, input),
    invalidate: [REPORTS_KEY],
    saved: () => t('reports.pending.saved'),
  });
  const items = f.form.getValues().items;
  const lineOptions = [
    { value: '', label: t('reports.pending.noLine') },
    ...props.lines.map((l) => ({ value: l, label: t('reports.pending.line', { n: l }) })),
  ];
  const fields = (
    <>
      <Text size="sm" c="dimmed">
        {t('reports.pending.help')}
      </Text>
      {items.length === 0 && <Text size="sm">{t('reports.pending.empty')}</Text>}
      {items.map((_, k) => (
        <Group key={k} align="flex-start" gap="xs" wrap="wrap">
          <Select
            w={180}
            label={t('reports.pending.lineLabel')}
            data={lineOptions}
            readOnly={props.locked}
            allowDeselect={false}
            value={items[k]!.line ?? ''}
            onChange={(v) => f.form.setFieldValue(`items.${k}.line`, v ? v : null)}
          />
          <Textarea
            style={{ flex: '1 1 260px' }}
            label={t('reports.pending.item', { n: k + 1 })}
            autosize
            minRows={1}
            readOnly={props.locked}
            {...f.form.getInputProps(`items.${k}.text`)}
          />
          {!props.locked && (
            <Button
              mt={24}
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => f.form.removeListItem('items', k)}
            >
              {t('reports.pending.remove')}
            </Button>
          )}
        </Group>
      ))}
    </>
  );
  if (props.locked) return <Stack gap="sm">{fields}</Stack>;
  return (
    <FormBody form={f} submitLabel={t('reports.pending.save')}>
      {fields}
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() => f.form.insertListItem('items', { line: null, text: '' })}
        >
          {t('reports.pending.add')}
        </Button>
      </Group>
    </FormBody>
  );
}

function ApproveModal({ report, onClose }: { report: ReportDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const agreements = useBodyAgreements(report.bodyId);
  const f = useSaveForm({
    initialValues: { agreementId: null as string | null },
    schema: ApproveInputSchema,
    toInput: (v): ApproveInput => ({ agreementId: v.agreementId ?? '' }),
    save: (input: ApproveInput) => approveReport(report.id, input),
    invalidate: [REPORTS_KEY],
    onSaved: onClose,
  });
  const options = (agreements.data?.sessions ?? []).flatMap((s) =>
    s.agreements
      .filter((a) => a.adoptedOn > report.to)
      .map((a) => ({ value: a.id, label: `${a.number} · ${a.title}` })),
  );
  return (
    <FormModal
      form={f}
      title={t('reports.approve.title')}
      submitLabel={t('reports.approve.submit', { n: report.version })}
      onClose={onClose}
    >
      <Text size="sm">{t('reports.approve.help', { n: report.version })}</Text>
      <Select
        label={t('reports.approve.agreement')}
        data={options}
        {...f.form.getInputProps('agreementId')}
        searchable
        nothingFoundMessage={t('reports.approve.none')}
      />
    </FormModal>
  );
}

function ReportView({ reportId, canWrite }: { reportId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const report = useReport(reportId);
  const html = useReportHtml(reportId, report.data?.version);
  const regenerate = useRegenerateReport();
  const [checking, setChecking] = useState(false);
  const check = useReportCheck(reportId, checking);
  const [approving, setApproving] = useState(false);
  const [regenerating, setRegenerating] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  if (report.isPending) return <Loader aria-label={t('common.loading')} />;
  if (report.error) return <QueryError error={report.error} onRetry={() => report.refetch()} />;
  const r = report.data;
  const approved = r.status === 'approved';
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="report-title">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2}>
          <Title order={2} size="h4" id="report-title">
            {r.title}
          </Title>
          <Group gap="xs">
            <Badge color={approved ? 'green' : 'gray'} variant="light">
              {approved
                ? t('reports.status.approved', { agreement: r.approvedByAgreement })
                : t('reports.status.draft')}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('reports.version', { n: r.version, count: r.versions.length })}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs">
          {canWrite && !approved && (
            <>
              <Button
                variant="light"
                leftSection={<IconRefresh size={16} aria-hidden />}
                onClick={() => {
                  regenerate.reset();
                  setRegenerating(true);
                }}
              >
                {t('reports.regenerate')}
              </Button>
              <Button onClick={() => setApproving(true)}>{t('reports.approve.open')}</Button>
            </>
          )}
          <Button
            variant="light"
            onClick={() => (checking ? check.refetch() : setChecking(true))}
            loading={check.isFetching}
          >
            {t('reports.check.run')}
          </Button>
        </Group>
      </Group>
      <Group gap="xs" mb="md">
        {FORMATS.map((f) => (
          <Button
            key={f}
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
            onClick={() => downloadReport(r.id, f).catch(setDownloadError)}
          >
            {t('reports.download', { format: f.toUpperCase() })}
          </Button>
        ))}
      </Group>
      {downloadError ? <QueryError error={downloadError} /> : null}
      <FormErrorAlert error={regenerate.error} />
      {check.data && (
        <Alert
          mb="md"
          color={check.data.ok ? 'gray' : 'red'}
          icon={check.data.ok ? <IconCircleCheck aria-hidden /> : <IconAlertTriangle aria-hidden />}
          title={
            check.data.ok
              ? t('reports.check.ok', { n: check.data.checkedFigures })
              : t('reports.check.problems', { count: check.data.problems.length })
          }
        >
          {!check.data.ok && (
            <List size="sm">
              {check.data.problems.map((p, k) => (
                <List.Item key={k}>
                  <strong>{p.where}:</strong> {p.message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {check.error ? <QueryError error={check.error} /> : null}
      <Tabs defaultValue="preview">
        <Tabs.List>
          <Tabs.Tab value="preview">{t('reports.tabs.preview')}</Tabs.Tab>
          <Tabs.Tab value="narrative">{t('reports.tabs.narrative')}</Tabs.Tab>
          <Tabs.Tab value="pending">{t('reports.tabs.pending')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="preview" pt="md">
          {html.data ? (
            <iframe
              title={t('reports.previewFrame')}
              // The renderer escapes every text of the records; the empty sandbox is the second wall:
              // should markup ever slip through, it runs no script and reaches neither the app nor its
              // session.
              sandbox=""
              srcDoc={html.data}
              style={{
                width: '100%',
                height: '70vh',
                border: '1px solid var(--mantine-color-gray-4)',
                borderRadius: 8,
              }}
            />
          ) : html.error ? (
            <QueryError error={html.error} onRetry={() => html.refetch()} />
          ) : (
            <Loader aria-label={t('common.loading')} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="narrative" pt="md">
          <NarrativeEditor report={r} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="pending" pt="md">
          <PendingItemsEditor report={r} canWrite={canWrite} />
        </Tabs.Panel>
      </Tabs>
      {canWrite && approving && <ApproveModal report={r} onClose={() => setApproving(false)} />}
      {regenerating && (
        <ConfirmModal
          title={t('reports.regenerateConfirm.title')}
          message={t('reports.regenerateConfirm.message', { next: r.version + 1, current: r.version })}
          confirm={t('reports.regenerateConfirm.confirm', { next: r.version + 1 })}
          color="blue"
          mutation={regenerate}
          onConfirm={() =>
            regenerate.mutate(r.id, {
              onSuccess: () => {
                setChecking(false);
                setRegenerating(false);
              },
            })
          }
          onClose={() => setRegenerating(false)}
        />
      )}
    </Card>
  );
}

/** The committee's reports: generate a draft for a body and period, preview, edit, check, approve, download. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const canWrite = Boolean(me?.permissions.includes('reports.write'));
  const reports = useReports();
  const [params, setParams] = useSearchParams();
  const selected = params.get('informe');
  const open = (id: string) => setParams({ informe: id });
  return (
    <>
      <PageHeader title={t('reports.title')} description={t('reports.description')} />
      <Stack gap="lg">
        {canWrite && (
          <PeriodGate>
            <GenerateForm onGenerated={open} />
          </PeriodGate>
        )}
        {reports.error ? (
          <QueryError error={reports.error} onRetry={() => reports.refetch()} />
        ) : (
          <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="list-title">
            <Title order={2} size="h4" id="list-title" mb="sm">
              {t('reports.list.title')}
            </Title>
            {reports.data?.items.length ? (
              <Table.ScrollContainer minWidth={600}>
                <Table highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('reports.list.report')}</Table.Th>
                      <Table.Th>{t('reports.list.status')}</Table.Th>
                      <Table.Th>{t('reports.list.version')}</Table.Th>
                      <Table.Th>{t('common.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {reports.data.items.map((r) => (
                      <Table.Tr key={r.id} aria-current={r.id === selected ? 'true' : undefined}>
                        <Table.Td>{r.title}</Table.Td>
                        <Table.Td>
                          {r.status === 'approved'
                            ? t('reports.status.approved', { agreement: r.approvedByAgreement })
                            : t('reports.status.draft')}
                        </Table.Td>
                        <Table.Td>{r.version}</Table.Td>
                        <Table.Td>
                          <Button size="xs" variant="subtle" onClick={() => open(r.id)}>
                            {t('reports.list.open')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : (
              <Text c="dimmed">{reports.isPending ? t('common.loading') : t('reports.list.empty')}</Text>
            )}
          </Card>
        )}
        {selected && <ReportView reportId={selected} canWrite={canWrite} />}
      </Stack>
    </>
  );
}
