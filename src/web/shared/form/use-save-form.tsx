import { useForm, type FormValidateInput, type UseFormReturnType } from '@mantine/form';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { FieldProblem } from '@/shared/errors';
import { ApiRequestError } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import { notifySuccess } from '../ui/errors';

export type SaveFormOptions<Values extends object, Input, Result> = {
  initialValues: Values;
  /**
   * The input's schema from the module's contract.ts: checked in the browser before sending, with
   * the same Spanish messages the server would answer, and read for text limits (counters).
   */
  schema?: z.core.$ZodType;
  /** Checks the contract cannot make (a choice the form asks for that the API may go without). */
  validate?: FormValidateInput<Values>;
  /** The form's values as the API takes them. */
  toInput: (values: Values) => Input;
  /** The call that saves (whatever client makes it). */
  save: (input: Input) => Promise<Result>;
  /** Query keys (prefixes) that the saved record makes stale. */
  invalidate?: readonly QueryKey[];
  /**
   * The save has steps (record, then upload its files): a later step's failure leaves the record
   * saved, so the stale queries are refreshed on failure too.
   */
  invalidateOnError?: boolean;
  /** The notification shown once saved. */
  saved?: (result: Result) => string;
  /** After saving: close the dialog, navigate… */
  onSaved?: (result: Result, values: Values) => void;
  /**
   * API path → form field, where they differ ("dueRule.days" → "dueDays"); a function of the values
   * when the form holds lists ("agenda.2.day" exists while the agenda has three rows).
   */
  aliases?: Record<string, string> | ((values: Values) => Record<string, string>);
  /**
   * Refusal codes whose message belongs next to one field rather than above the form (a wrong
   * current password: «WRONG_PASSWORD» → "currentPassword").
   */
  codeFields?: Partial<Record<string, keyof Values & string>>;
  /** Fields emptied on a refusal (a password, a one-time code): the person types them again. */
  clearOnRefusal?: readonly (keyof Values & string)[];
  /**
   * Runs on every refusal; returns true when the form answers it itself (a second step to ask, an
   * expired step to go back from), and then the layer shows nothing.
   */
  onRefused?: (error: unknown) => boolean | void;
  /** Empties the form once saved (a form that stays on its page for the next time). */
  resetOnSave?: boolean;
};

export type SaveForm<Values extends object, Input, Result> = {
  form: UseFormReturnType<Values>;
  mutation: ReturnType<typeof useMutation<Result, unknown, Input>>;
  /** The refusal being shown (the server's, or the browser's check worded the same way). */
  error: unknown;
  /** Problems no field of the form shows. */
  unplaced: FieldProblem[];
  submit: (event?: FormEvent<HTMLFormElement>) => void;
  /**
   * Checks the values as submit would (the form's own checks, then the contract's schema) and
   * places the problems, without saving: the input when it passes, for a step that asks first.
   */
  check: () => Promise<Input | null>;
  /** Back to the initial values, with no refusal shown (the form changes what it asks). */
  reset: () => void;
  /** Input props of a text field, with its character count against the contract's limit. */
  text: (
    field: keyof Values & string,
    description?: ReactNode,
  ) => ReturnType<UseFormReturnType<Values>['getInputProps']> & { description?: ReactNode };
};

// The Spanish map (and zod with it) loads with a form's first check, not with the page: the sign-in
// page holds a form of this layer within issue 18's budget, and checks on the server only.
const loadChecker = () => Promise.all([import('@/shared/zod-setup'), import('@/shared/errors')]);
const loadLimits = () => import('@/shared/field-labels');
type Limits = Awaited<ReturnType<typeof loadLimits>>;

function problemsOf(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ path: [...i.path, k].join('.'), message: i.message }))
      : [{ path: i.path.join('.'), message: i.message }],
  );
}

/**
 * A form that saves through a mutation: client validation with the contract's schema, the server's
 * field problems placed on their fields (the rest listed), a notification, the stale queries
 * invalidated. Every form of the app is wired through here (see FormModal for the dialog).
 */
export function useSaveForm<Values extends object, Input, Result>(
  options: SaveFormOptions<Values, Input, Result>,
): SaveForm<Values, Input, Result> {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({ initialValues: options.initialValues, validate: options.validate });
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const [refused, setRefused] = useState<unknown>(null);
  // The text limits the counters show, read from the schema once its reader has loaded.
  const [limits, setLimits] = useState<Limits | null>(null);
  const hasSchema = options.schema !== undefined;
  useEffect(() => {
    if (hasSchema) void loadLimits().then(setLimits);
  }, [hasSchema]);
  const aliases = () =>
    typeof options.aliases === 'function' ? options.aliases(form.getValues()) : (options.aliases ?? {});
  /** `own`: the problems the form's own checks found, shown with the contract's. */
  const refuse = (error: unknown, own: Record<string, ReactNode> = {}) => {
    // Emptied first: setting a value clears the error placed on its field.
    for (const field of options.clearOnRefusal ?? []) form.setFieldValue(field, '' as never);
    if (options.onRefused?.(error) === true) {
      setRefused(null);
      setUnplaced([]);
      return;
    }
    const field = error instanceof ApiRequestError ? options.codeFields?.[error.code] : undefined;
    if (field && error instanceof ApiRequestError) {
      setRefused(null);
      setUnplaced([]);
      form.setFieldError(field, error.message);
      return;
    }
    setRefused(error);
    const placing = {
      getValues: form.getValues,
      setErrors: (errors: Record<string, string>) => form.setErrors({ ...errors, ...own }),
    };
    setUnplaced(applyFieldErrors(placing, error, aliases()));
  };
  const invalidate = () => {
    for (const queryKey of options.invalidate ?? []) void queryClient.invalidateQueries({ queryKey });
  };
  const mutation = useMutation<Result, unknown, Input>({
    mutationFn: options.save,
    onSuccess: (result) => {
      invalidate();
      if (options.resetOnSave) form.reset();
      if (options.saved) notifySuccess(options.saved(result));
      options.onSaved?.(result, form.getValues());
    },
    onError: (error) => {
      if (options.invalidateOnError) invalidate();
      refuse(error);
    },
  });
  /** The contract's problems with the input of these values, worded by the Spanish map. */
  const contractRefusal = async (input: Input) => {
    if (!options.schema) return null;
    const [{ parseWithMessages }, { ERROR_CODES }] = await loadChecker();
    const checked = parseWithMessages(options.schema, input);
    if (checked.success) return null;
    return new ApiRequestError(
      400,
      'VALIDATION_FAILED',
      ERROR_CODES.VALIDATION_FAILED,
      problemsOf(checked.error.issues),
    );
  };
  const inputIfValid = async (values: Values): Promise<Input | null> => {
    const input = options.toInput(values);
    const refusal = await contractRefusal(input);
    if (refusal) {
      refuse(refusal);
      return null;
    }
    setRefused(null);
    setUnplaced([]);
    return input;
  };
  // The form's own checks failed: the contract's problems show with theirs, not one after the other.
  const ownChecksFailed = async (own: Record<string, ReactNode>, values: Values) => {
    let input: Input;
    try {
      input = options.toInput(values);
    } catch {
      // Values the form's own checks refused may not convert (a choice still missing).
      return;
    }
    const refusal = await contractRefusal(input);
    if (refusal) refuse(refusal, own);
  };
  const submit = form.onSubmit(
    async (values) => {
      const input = await inputIfValid(values);
      if (input !== null) mutation.mutate(input);
    },
    (own, values) => void ownChecksFailed(own, values),
  );
  const check = async () => {
    const own = form.validate();
    if (own.hasErrors) {
      await ownChecksFailed(own.errors, form.getValues());
      return null;
    }
    return inputIfValid(form.getValues());
  };
  const reset = () => {
    form.reset();
    setRefused(null);
    setUnplaced([]);
  };
  const text: SaveForm<Values, Input, Result>['text'] = (field, description) => {
    const props = form.getInputProps(field);
    const apiPath = Object.entries(aliases()).find(([, f]) => f === field)?.[0] ?? field;
    const max = options.schema && limits ? limits.maxLengthAt(options.schema, apiPath.split('.')) : undefined;
    if (max === undefined) return { ...props, description };
    const count = String((props.value as unknown) ?? '').length;
    const counter = t('common.characters', { count, max });
    return {
      ...props,
      description: description ? (
        <>
          {description} · {counter}
        </>
      ) : (
        counter
      ),
    };
  };
  return {
    form,
    mutation,
    error: refused,
    unplaced,
    submit: submit as (event?: FormEvent<HTMLFormElement>) => void,
    check,
    reset,
    text,
  };
}
