import { Alert, Button, Group, Modal, Paper, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconFileTypeDocx, IconFileTypePdf, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OpinionIssueSchema, type Opinion } from '../contract';
import { FormBody } from '@/web/shared/form/FormBody';
import { useReturnFocus } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { formatDay } from '@/web/shared/lib/format';
import { useListParams } from '@/web/shared/lib/use-list-params';
import { useCan } from '@/web/shared/session/session';
import { ConfirmModal } from '@/web/shared/ui/ConfirmModal';
import { DayInput } from '@/web/shared/ui/DayInput';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { ListFooter } from '@/web/shared/ui/ListFooter';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import {
  AGREEMENTS_KEY,
  downloadOpinionDocument,
  draftOpinion,
  issueOpinion,
  useAgreementsMutation,
  useOpinions,
} from './api';
import { OpinionRequestModal } from './OpinionRequestModal';
import agreementsStrings from 'virtual:lazy-strings/agreements';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(agreementsStrings);

const PAGE_SIZE = 25;
const FILTERS = ['estado', 'desde', 'hasta'] as const;
const isDay = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/** Opinions of pertinence: the annex table of a period, and the issue form for requested ones. */
export default function OpinionsPage() {
  const { t } = useTranslation();
  const canWrite = useCan('agreements.write');
  const canRequest = useCan('agreements.request_opinion');
  const [requesting, setRequesting] = useState(false);
  const list = useListParams(FILTERS);
  const status =
    list.filters.estado === 'requested' || list.filters.estado === 'issued' ? list.filters.estado : undefined;
  const opinions = useOpinions({
    status,
    from: isDay(list.filters.desde),
    to: isDay(list.filters.hasta),
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  const [issuing, setIssuing] = useState<Opinion | null>(null);

  return (
    <>
      <PageHeader
        title={t('agreements.opinions.title')}
        description={t('agreements.opinions.description')}
        actions={
          canRequest && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRequesting(true)}>
              {t('agreements.opinions.request')}
            </Button>
          )
        }
      />
      {requesting && <OpinionRequestModal onClose={() => setRequesting(false)} />}
      <Paper withBorder p="md">
        <Group align="flex-end" gap="sm" mb="md">
          <Select
            label={t('agreements.opinions.status')}
            placeholder={t('common.all')}
            clearable
            data={(['requested', 'issued'] as const).map((s) => ({
              value: s,
              label: t(`agreements.opinionStatus.${s}`),
            }))}
            value={status ?? null}
            onChange={(v) => list.setFilter('estado', v)}
            w={200}
          />
          <DayInput
            label={t('agreements.opinions.from')}
            clearable
            value={isDay(list.filters.desde) ?? null}
            onChange={(v) => list.setFilter('desde', v)}
            w={170}
          />
          <DayInput
            label={t('agreements.opinions.to')}
            clearable
            value={isDay(list.filters.hasta) ?? null}
            onChange={(v) => list.setFilter('hasta', v)}
            w={170}
          />
        </Group>
        {opinions.isError ? (
          <QueryError error={opinions.error} onRetry={() => void opinions.refetch()} />
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table>
              <Table.Caption className="sr-caption">{t('agreements.opinions.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('agreements.opinions.number')}</Table.Th>
                  <Table.Th>{t('agreements.opinions.instrument')}</Table.Th>
                  <Table.Th>{t('agreements.opinions.areas')}</Table.Th>
                  <Table.Th>{t('agreements.opinions.dates')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {opinions.data?.items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>
                      {o.number ? (
                        <Stack gap={4} align="flex-start">
                          <Text size="sm">{o.number}</Text>
                          <OpinionDownloads opinion={o} />
                        </Stack>
                      ) : (
                        <Stack gap={4} align="flex-start">
                          <Text size="sm" c="dimmed">
                            {t('agreements.opinionStatus.requested')}
                          </Text>
                          {canWrite && (
                            <Button
                              size="xs"
                              aria-label={t('agreements.opinions.workOn', { title: o.instrumentTitle })}
                              onClick={() => setIssuing(o)}
                            >
                              {t('agreements.opinions.draftAndIssue')}
                            </Button>
                          )}
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>{o.instrumentTitle}</Table.Td>
                    <Table.Td>{o.areas.map((a) => a.name).join(' / ')}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {t('agreements.opinions.requestedOn')}: {formatDay(o.requestedOn)}
                      </Text>
                      {o.issuedOn && (
                        <Text size="sm">
                          {t('agreements.opinions.issuedOn')}: {formatDay(o.issuedOn)}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {opinions.data && (
          <ListFooter
            page={list.page}
            pageSize={PAGE_SIZE}
            total={opinions.data.total}
            onPage={list.setPage}
          />
        )}
      </Paper>
      {issuing && <IssueOpinionModal opinion={issuing} onClose={() => setIssuing(null)} />}
    </>
  );
}

/** The issued opinion's document, with its number, as DOCX or PDF. */
function OpinionDownloads({ opinion }: { opinion: Opinion }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        variant="default"
        size="compact-xs"
        leftSection={<IconFileTypeDocx size={14} aria-hidden />}
        aria-label={t('agreements.opinions.downloadAs', { number: opinion.number, format: 'DOCX' })}
        onClick={() => void downloadOpinionDocument(opinion, 'docx')}
      >
        DOCX
      </Button>
      <Button
        variant="default"
        size="compact-xs"
        leftSection={<IconFileTypePdf size={14} aria-hidden />}
        aria-label={t('agreements.opinions.downloadAs', { number: opinion.number, format: 'PDF' })}
        onClick={() => void downloadOpinionDocument(opinion, 'pdf')}
      >
        PDF
      </Button>
    </Group>
  );
}

/**
 * Liaison staff write the opinion and issue it; the number is assigned by the server. Issuing takes
 * the year's next number and fixes the text, so it asks first; once issued, the dialog shows the
 * number and the document.
 */
function IssueOpinionModal({ opinion, onClose }: { opinion: Opinion; onClose: () => void }) {
  const { t } = useTranslation();
  useReturnFocus();
  const [confirming, setConfirming] = useState(false);
  const f = useSaveForm({
    initialValues: { content: opinion.content ?? '', issuedOn: null as string | null },
    schema: OpinionIssueSchema,
    // The server would take the saved draft; the person issues what the dialog shows.
    validate: { content: (v) => (v.trim() ? null : t('agreements.opinions.contentRequired')) },
    toInput: (v) => ({ content: v.content, issuedOn: v.issuedOn ?? '' }),
    save: (input) => issueOpinion(opinion.id, input),
    invalidate: [AGREEMENTS_KEY],
    onSaved: () => setConfirming(false),
    onRefused: () => setConfirming(false),
  });
  // A draft is a second way out of the same text: kept by the server, the dialog stays.
  const draft = useAgreementsMutation((c: string) => draftOpinion(opinion.id, c));
  const content = f.form.values.content;
  const issuedOn = f.form.values.issuedOn;
  if (f.mutation.data) {
    const issued = f.mutation.data;
    return (
      <Modal opened onClose={onClose} title={t('agreements.opinions.issuedTitle')} size="lg">
        <Stack gap="sm">
          <Alert color="teal" variant="light" role="status">
            {t('agreements.opinions.issuedAs', { number: issued.number, title: issued.instrumentTitle })}
          </Alert>
          <Text size="sm">{t('agreements.opinions.issuedDocument')}</Text>
          <OpinionDownloads opinion={issued} />
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('agreements.opinions.backToList')}</Button>
          </Group>
        </Stack>
      </Modal>
    );
  }
  return (
    <>
      <Modal opened={!confirming} onClose={onClose} title={t('agreements.opinions.issueTitle')} size="lg">
        <FormBody
          form={f}
          submitLabel={t('agreements.opinions.issue')}
          onCancel={onClose}
          // Issuing takes the year's number and fixes the text: checked here, then asked.
          onSubmit={(event) => {
            event.preventDefault();
            void f.check().then((input) => input !== null && setConfirming(true));
          }}
          start={
            <Group gap="sm">
              <Button
                variant="default"
                disabled={!content.trim()}
                loading={draft.isPending}
                onClick={() => draft.mutate(content)}
              >
                {t('agreements.opinions.saveDraft')}
              </Button>
              {draft.isSuccess && !draft.isPending && (
                <Text size="sm" role="status">
                  {t('agreements.opinions.draftSaved')}
                </Text>
              )}
            </Group>
          }
        >
          <Text size="sm">{opinion.instrumentTitle}</Text>
          {draft.error !== null && <FormErrorAlert error={draft.error} />}
          <Textarea
            label={t('agreements.opinions.content')}
            withAsterisk
            autosize
            minRows={6}
            {...f.text('content')}
          />
          <DayInput
            label={t('agreements.opinions.issuedOn')}
            withAsterisk
            w={200}
            {...f.form.getInputProps('issuedOn')}
          />
        </FormBody>
      </Modal>
      {confirming && issuedOn && (
        <ConfirmModal
          title={t('agreements.opinions.confirmTitle')}
          message={t('agreements.opinions.confirmMessage', {
            year: issuedOn.slice(0, 4),
            title: opinion.instrumentTitle,
          })}
          confirm={t('agreements.opinions.issue')}
          color="teal.9"
          mutation={f.mutation}
          onConfirm={() => f.submit()}
          onClose={() => setConfirming(false)}
        />
      )}
    </>
  );
}
