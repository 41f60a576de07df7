import { Button, Group, Stack, type ButtonProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../ui/FormErrorAlert';
import type { SaveForm } from './use-save-form';

/**
 * The body of a form of useSaveForm: the refusal on top, the fields, then Cancel (when there is
 * somewhere to go back to) and the submit button. FormModal puts it in a dialog; a page or a dialog
 * of its own may hold it directly.
 */
export function FormBody<Values extends object, Input, Result>(props: {
  form: SaveForm<Values, Input, Result>;
  submitLabel: ReactNode;
  /** A destructive step (withdraw, erase) shows its button in red. */
  submitColor?: ButtonProps['color'];
  onCancel?: () => void;
  /** When the step itself is a cancellation, "Cancelar" would be ambiguous: "Volver". */
  cancelLabel?: ReactNode;
  /** Nothing to send yet (no change to save). */
  submitDisabled?: boolean;
  /** A step of its own on the left of the buttons (delete the record being edited). */
  start?: ReactNode;
  /** The form's name, for a page that holds several (a landmark for screen readers). */
  label?: string;
  /**
   * Where the submit button goes: at the end (dialogs), at the start under the fields (a form on a
   * page of its own), or across the form (the public pages' single step).
   */
  buttons?: 'end' | 'start' | 'full';
  /** In place of saving at once: a step that asks first (form.check(), then a confirmation). */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const f = props.form;
  const submitButton = (
    <Button
      type="submit"
      color={props.submitColor}
      disabled={props.submitDisabled}
      loading={f.mutation.isPending}
      fullWidth={props.buttons === 'full'}
    >
      {props.submitLabel}
    </Button>
  );
  return (
    <form noValidate onSubmit={props.onSubmit ?? f.submit} aria-label={props.label}>
      <Stack>
        <FormErrorAlert error={f.error} unplaced={f.unplaced} />
        {props.children}
        {props.buttons === 'full' ? (
          submitButton
        ) : (
          <Group
            justify={props.start ? 'space-between' : props.buttons === 'start' ? 'flex-start' : 'flex-end'}
          >
            {props.start}
            <Group>
              {props.onCancel && (
                <Button variant="default" onClick={props.onCancel}>
                  {props.cancelLabel ?? t('common.cancel')}
                </Button>
              )}
              {submitButton}
            </Group>
          </Group>
        )}
      </Stack>
    </form>
  );
}
