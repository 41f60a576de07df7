import {
  Alert,
  Button,
  FileButton,
  Group,
  Image,
  Loader,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertCircle, IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import letterheadStrings from 'virtual:lazy-strings/letterhead';
import { addLazyStrings } from '@/web/i18n/all';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { errorText, notifySuccess } from '@/web/shared/ui/errors';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import {
  LETTERHEAD_MAX_LINES,
  LetterheadInputSchema,
  type LetterheadInput,
  type LetterheadSettings,
} from '../letterhead-contract';
import {
  LETTERHEAD_KEY,
  letterheadLogoUrl,
  removeLetterheadLogo,
  saveLetterhead,
  uploadLetterheadLogo,
  useLetterhead,
} from './letterhead-api';

// The page's wording travels with it, not with every page of the app (vite.config.ts).
addLazyStrings(letterheadStrings);

type Values = { headerLines: string; footerLines: string; legalBasis: string };

/** One line of the letterhead per line of the box; blank ones are left out. */
const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

// A problem with the n-th line shows on its box.
const LINE_ALIASES = Object.fromEntries(
  ['headerLines', 'footerLines'].flatMap((f) =>
    Array.from({ length: LETTERHEAD_MAX_LINES + 1 }, (_, k) => [`${f}.${k}`, f]),
  ),
);

/** The administrator's screen of the organization's letterhead and the report's legal basis. */
export default function LetterheadPage() {
  const { t } = useTranslation();
  const letterhead = useLetterhead();
  return (
    <>
      <PageHeader title={t('letterhead.title')} description={t('letterhead.description')} />
      {letterhead.isError ? (
        <QueryError error={letterhead.error} onRetry={() => void letterhead.refetch()} />
      ) : !letterhead.data ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <Stack gap="lg" maw={760}>
          <LogoCard settings={letterhead.data} />
          <LinesForm settings={letterhead.data} />
        </Stack>
      )}
    </>
  );
}

function LogoCard({ settings }: { settings: LetterheadSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const onSaved = (saved: LetterheadSettings, message: string) => {
    queryClient.setQueryData(LETTERHEAD_KEY, saved);
    notifySuccess(message);
  };
  const upload = useMutation({
    mutationFn: uploadLetterheadLogo,
    onSuccess: (saved) => onSaved(saved, t('letterhead.logoSaved')),
  });
  const remove = useMutation({
    mutationFn: removeLetterheadLogo,
    onSuccess: (saved) => onSaved(saved, t('letterhead.logoRemoved')),
  });
  const error = upload.error ?? remove.error;
  const logo = settings.logo;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="letterhead-logo-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="letterhead-logo-title">
          {t('letterhead.logo')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('letterhead.logoHelp')}
        </Text>
        {error !== null && (
          <Alert
            color="red"
            role="alert"
            icon={<IconAlertCircle aria-hidden />}
            title={t('letterhead.logoRefused')}
          >
            {errorText(error, t)}
          </Alert>
        )}
        {logo ? (
          <Group gap="md" wrap="wrap">
            <Image
              src={letterheadLogoUrl(logo.sha256)}
              alt={t('letterhead.logoAlt')}
              h={64}
              w="auto"
              fit="contain"
              bd="1px solid var(--mantine-color-gray-3)"
            />
            <Text size="sm">{t('letterhead.logoFile', { ...logo })}</Text>
          </Group>
        ) : (
          <Alert variant="light" color="gray">
            {t('letterhead.noLogo')}
          </Alert>
        )}
        <Group gap="sm">
          <FileButton
            accept="image/png,image/jpeg"
            onChange={(file) => {
              if (file) upload.mutate(file);
            }}
          >
            {(props) => (
              <Button {...props} leftSection={<IconPhotoUp size={16} />} loading={upload.isPending}>
                {logo ? t('letterhead.replaceLogo') : t('letterhead.uploadLogo')}
              </Button>
            )}
          </FileButton>
          {logo && (
            <Button
              variant="default"
              color="red"
              leftSection={<IconTrash size={16} />}
              loading={remove.isPending}
              onClick={() => remove.mutate()}
            >
              {t('letterhead.removeLogo')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function LinesForm({ settings }: { settings: LetterheadSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useSaveForm<Values, LetterheadInput, LetterheadSettings>({
    initialValues: {
      headerLines: settings.headerLines.join('\n'),
      footerLines: settings.footerLines.join('\n'),
      legalBasis: settings.legalBasis ?? '',
    },
    schema: LetterheadInputSchema,
    toInput: (v) => ({
      headerLines: linesOf(v.headerLines),
      footerLines: linesOf(v.footerLines),
      legalBasis: v.legalBasis.trim() || null,
    }),
    save: saveLetterhead,
    aliases: LINE_ALIASES,
    saved: () => t('letterhead.saved'),
    onSaved: (saved) => queryClient.setQueryData(LETTERHEAD_KEY, saved),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="letterhead-lines-title">
      <Title order={2} size="h4" id="letterhead-lines-title" mb="sm">
        {t('letterhead.lines')}
      </Title>
      <FormBody form={form} submitLabel={t('letterhead.save')}>
        <Textarea
          label={t('letterhead.headerLines')}
          description={t('letterhead.headerLinesHelp', { max: LETTERHEAD_MAX_LINES })}
          autosize
          minRows={2}
          {...form.form.getInputProps('headerLines')}
        />
        <Textarea
          label={t('letterhead.footerLines')}
          description={t('letterhead.footerLinesHelp', { max: LETTERHEAD_MAX_LINES })}
          autosize
          minRows={2}
          {...form.form.getInputProps('footerLines')}
        />
        <Textarea
          label={t('letterhead.legalBasis')}
          autosize
          minRows={3}
          {...form.text('legalBasis', t('letterhead.legalBasisHelp'))}
        />
      </FormBody>
    </Paper>
  );
}
