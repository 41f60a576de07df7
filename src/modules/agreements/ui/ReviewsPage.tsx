import { Group, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_DECISIONS, ReviewInputSchema } from '../contract';
import { ApiRequestError } from '@/web/shared/api/client';
import { FormBody } from '@/web/shared/form/FormBody';
import { useSaveForm } from '@/web/shared/form/use-save-form';
import { formatDay, formatNumber } from '@/web/shared/lib/format';
import { useCan } from '@/web/shared/session/session';
import { DayInput } from '@/web/shared/ui/DayInput';
import { FormErrorAlert } from '@/web/shared/ui/FormErrorAlert';
import { PageHeader } from '@/web/shared/ui/PageHeader';
import { QueryError } from '@/web/shared/ui/QueryError';
import {
  AGREEMENTS_KEY,
  openReview,
  recordReviewDecision,
  useAgreementsMutation,
  useReview,
  useReviews,
} from './api';
import { StatusBadge } from './StatusBadge';
import agreementsStrings from 'virtual:lazy-strings/agreements';
import { addLazyStrings } from '@/web/i18n/all';

// This module's wording loads with it, not with the signed-in frame (issue 18).
addLazyStrings(agreementsStrings);

/**
 * Periodic reviews: pick (or open) a review, then walk the instruments in force and record for each
 * one keep / renegotiate / conclude on the decision day chosen at the top.
 */
export default function ReviewsPage() {
  const { t } = useTranslation();
  const canWrite = useCan('agreements.write');
  const reviews = useReviews();
  const [chosen, setChosen] = useState<string | null>(null);
  const reviewId = chosen ?? reviews.data?.items[0]?.id ?? null;
  const review = useReview(reviewId);
  const [day, setDay] = useState<string | null>(null);
  const decide = useAgreementsMutation((b: { instrumentId: string; decision: string; decidedOn: string }) =>
    recordReviewDecision(reviewId!, b.instrumentId, {
      decision: b.decision as (typeof REVIEW_DECISIONS)[number],
      decidedOn: b.decidedOn,
    }),
  );

  // The decision day is the one field of a decision the page holds: its refusal goes under it.
  const problems = decide.error instanceof ApiRequestError ? decide.error.fields : [];
  const dayProblem = problems.find((p) => p.path === 'decidedOn')?.message;

  return (
    <>
      <PageHeader title={t('agreements.reviews.title')} description={t('agreements.reviews.description')} />
      <Stack gap="md">
        {canWrite && <OpenReview />}
        {reviews.isError && <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />}
        <Paper withBorder p="md">
          <Group align="flex-end" gap="sm" mb="md">
            <Select
              label={t('agreements.reviews.review')}
              data={(reviews.data?.items ?? []).map((r) => ({
                value: r.id,
                label: `${r.period} · ${r.title}`,
              }))}
              value={reviewId}
              onChange={setChosen}
              w={360}
            />
            {canWrite && (
              <DayInput
                label={t('agreements.reviews.decidedOn')}
                description={t('agreements.reviews.decidedOnHelp')}
                value={day}
                onChange={(v) => {
                  decide.reset();
                  setDay(v);
                }}
                error={dayProblem}
                w={200}
              />
            )}
          </Group>
          {review.data && (
            <>
              <Text size="sm" mb="sm" aria-live="polite">
                {t('agreements.reviews.counts', { total: formatNumber(review.data.decisions) })}{' '}
                {review.data.countsByMonth.map((c) => `${c.month}: ${formatNumber(c.count)}`).join(' · ')}
              </Text>
              <FormErrorAlert
                error={decide.error}
                unplaced={problems.filter((p) => p.path !== 'decidedOn')}
              />
              <Table.ScrollContainer minWidth={800}>
                <Table>
                  <Table.Caption className="sr-caption">{t('agreements.reviews.caption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('agreements.instruments.instrument')}</Table.Th>
                      <Table.Th>{t('agreements.instruments.status')}</Table.Th>
                      <Table.Th>{t('agreements.instruments.end')}</Table.Th>
                      <Table.Th>{t('agreements.reviews.decision')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {review.data.items.map((item) => (
                      <Table.Tr key={item.instrumentId}>
                        <Table.Td>
                          <Text size="sm">{item.title}</Text>
                        </Table.Td>
                        <Table.Td>
                          <StatusBadge status={item.status} />
                        </Table.Td>
                        <Table.Td>{item.effectiveEnd ? formatDay(item.effectiveEnd) : '—'}</Table.Td>
                        <Table.Td>
                          {canWrite ? (
                            <SegmentedControl
                              size="xs"
                              aria-label={t('agreements.reviews.decisionFor', { title: item.title })}
                              value={item.decision ?? ''}
                              disabled={!day || decide.isPending}
                              onChange={(decision) =>
                                day &&
                                decide.mutate({ instrumentId: item.instrumentId, decision, decidedOn: day })
                              }
                              data={REVIEW_DECISIONS.map((d) => ({
                                value: d,
                                label: t(`agreements.decision.${d}`),
                              }))}
                            />
                          ) : item.decision ? (
                            t(`agreements.decision.${item.decision}`)
                          ) : (
                            '—'
                          )}
                          {item.decidedOn && (
                            <Text size="xs" c="dimmed">
                              {formatDay(item.decidedOn)}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )}
        </Paper>
      </Stack>
    </>
  );
}

function OpenReview() {
  const { t } = useTranslation();
  const f = useSaveForm({
    initialValues: { period: '', title: '', openedOn: null as string | null },
    schema: ReviewInputSchema,
    toInput: (v) => ({ period: v.period.trim(), title: v.title, openedOn: v.openedOn ?? '' }),
    save: openReview,
    invalidate: [AGREEMENTS_KEY],
    saved: (review) => t('agreements.reviews.opened', { title: review.title }),
    onSaved: () => f.form.reset(),
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('agreements.reviews.open')}
      </Title>
      <FormBody form={f} submitLabel={t('agreements.reviews.openButton')}>
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t('agreements.reviews.period')}
            placeholder="2024-02"
            withAsterisk
            w={{ base: '100%', xs: 140 }}
            {...f.form.getInputProps('period')}
          />
          <TextInput
            label={t('agreements.reviews.name')}
            withAsterisk
            // Its character count under it, so that the row's boxes line up.
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            w={{ base: '100%', xs: 320 }}
            {...f.text('title')}
          />
          <DayInput
            label={t('agreements.reviews.openedOn')}
            withAsterisk
            w={{ base: '100%', xs: 170 }}
            {...f.form.getInputProps('openedOn')}
          />
        </Group>
      </FormBody>
    </Paper>
  );
}
