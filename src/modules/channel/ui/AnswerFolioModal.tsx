import { Checkbox, FileInput, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { todayInMexicoCity } from '@/shared/calendar';
import type { FolioDetail } from '../contract';
import { actingSide, transition, type FolioEvent } from '../contract-folio-status';
import {
  OPEN_ROUTING_CHOICES,
  asksAboutOpenRoutings,
  type OpenRoutingsChoice,
} from '../contract-open-routings';
import { ConsolidateInputSchema, type ConsolidateInput, type Routing } from '../routing-contract';
import { FormModal } from '@/web/shared/form/FormModal';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { DayInput } from '@/web/shared/ui/DayInput';
import { CHANNEL_KEY } from './api';
import { consolidateFolio } from './routing-api';
import channelStrings from 'virtual:lazy-strings/channel';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(channelStrings);

export type AnswerEvent = 'local_answers' | 'local_acknowledges';
export const ANSWER_EVENTS: readonly FolioEvent[] = ['local_answers', 'local_acknowledges'];

/**
 * What happens to the slips still open in the areas when `event` is applied to the folio: the
 * question when the folio stays open (the server requires the answer), a note when it closes.
 */
export function OpenRoutingsQuestion(props: {
  folio: FolioDetail;
  orgId: string;
  event: FolioEvent;
  routings: readonly Routing[];
  inputProps: { value?: unknown; onChange?: unknown; error?: unknown };
}) {
  const { t } = useTranslation();
  const open = props.routings.filter((r) => r.state === 'assigned');
  const folio = { ...props.folio, localOrgId: props.folio.localOrganization.id };
  const result = transition(folio, props.event, actingSide(folio, props.orgId, props.event));
  if (!open.length || !result.ok) return null;
  const areas = open.map((r) => r.area.name).join(', ');
  if (!asksAboutOpenRoutings(open.length, result.to)) {
    return <Text size="sm">{t('channel.routing.openRoutingsClosing', { areas })}</Text>;
  }
  return (
    <Radio.Group
      label={t('channel.routing.openRoutings')}
      description={t('channel.routing.openRoutingsHelp', { areas, count: open.length })}
      withAsterisk
      {...(props.inputProps as object)}
    >
      <Stack gap="xs" mt="xs">
        {OPEN_ROUTING_CHOICES.map((c) => (
          <Radio key={c} value={c} label={t(`channel.routing.openRoutingsChoices.${c}`)} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

type Values = {
  on: string | null;
  text: string;
  attachmentIds: string[];
  files: File[];
  openRoutings: OpenRoutingsChoice | null;
};

/**
 * The folio's one answer form: the answer to the national authority (or the acknowledgment of a
 * folio "de conocimiento"), built from the areas' answers and their files, plus files of one's own;
 * it asks what happens to the slips still open.
 */
export function AnswerFolioModal(props: {
  folio: FolioDetail;
  orgId: string;
  event: AnswerEvent;
  routings: readonly Routing[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const answered = props.routings.filter((r) => r.state === 'answered');
  const areaFiles = answered.flatMap((r) => r.attachments.map((a) => ({ ...a, area: r.area.name })));
  const ack = props.event === 'local_acknowledges';
  const f = useSaveForm({
    initialValues: {
      on: todayInMexicoCity(),
      text: answered.map((r) => r.answerText ?? '').join('\n\n'),
      attachmentIds: areaFiles.map((file) => file.id),
      files: [],
      openRoutings: null,
    } as Values,
    schema: ConsolidateInputSchema,
    toInput: (v): ConsolidateInput => ({
      event: props.event,
      on: v.on ?? undefined,
      text: ack ? '' : v.text,
      attachmentIds: ack ? [] : v.attachmentIds,
      openRoutings: v.openRoutings ?? undefined,
    }),
    save: async (input): ReturnType<typeof consolidateFolio> => {
      try {
        return await consolidateFolio(props.folio.id, input, ack ? [] : f.form.getValues().files);
      } finally {
        // Also after a refused file: the answer itself may have been sent.
        void queryClient.invalidateQueries({ queryKey: CHANNEL_KEY });
      }
    },
    saved: () => t('channel.routing.consolidated'),
    onSaved: props.onClose,
    aliases: { event: 'text', file: 'files' },
  });
  const form = f.form;
  return (
    <FormModal
      form={f}
      onClose={props.onClose}
      title={`${t(`channel.events.${props.event}`)} · ${props.folio.folio}`}
      submitLabel={t(`channel.events.${props.event}`)}
      size="xl"
    >
      <DayInput label={t('channel.eventDate')} withAsterisk {...form.getInputProps('on')} />
      {ack ? (
        <Text size="sm">{t('channel.routing.ackHelp')}</Text>
      ) : (
        <>
          <Textarea
            label={t('channel.routing.answerToSend')}
            withAsterisk
            autosize
            minRows={4}
            {...f.text('text')}
          />
          {areaFiles.length > 0 && (
            <Checkbox.Group label={t('channel.routing.areaFiles')} {...form.getInputProps('attachmentIds')}>
              <Stack gap={4} mt={4}>
                {areaFiles.map((file) => (
                  <Checkbox key={file.id} value={file.id} label={`${file.filename} · ${file.area}`} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          <FileInput
            label={t('channel.routing.moreFiles')}
            multiple
            clearable
            clearButtonProps={{ 'aria-label': t('files.clear') }}
            {...form.getInputProps('files')}
          />
        </>
      )}
      {!ack && (
        <OpenRoutingsQuestion
          folio={props.folio}
          orgId={props.orgId}
          event={props.event}
          routings={props.routings}
          inputProps={form.getInputProps('openRoutings')}
        />
      )}
    </FormModal>
  );
}
