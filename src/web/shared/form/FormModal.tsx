import { Modal, type ButtonProps, type ModalProps } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { FormBody } from './FormBody';
import type { SaveForm } from './use-save-form';

/**
 * A dialog holding a form of useSaveForm: the refusal on top, the fields, Cancel and the submit
 * button. When it closes, focus goes back to what opened it (the dialogs are unmounted on close,
 * which Mantine's own focus return does not cover).
 */
export function FormModal<Values extends object, Input, Result>(props: {
  form: SaveForm<Values, Input, Result>;
  title: ReactNode;
  submitLabel: ReactNode;
  submitColor?: ButtonProps['color'];
  cancelLabel?: ReactNode;
  /** A step of its own on the left of the buttons (delete the record being edited). */
  start?: ReactNode;
  onClose: () => void;
  size?: ModalProps['size'];
  children: ReactNode;
}) {
  useReturnFocus();
  return (
    <Modal opened onClose={props.onClose} title={props.title} size={props.size ?? 'lg'}>
      <FormBody
        form={props.form}
        submitLabel={props.submitLabel}
        submitColor={props.submitColor}
        cancelLabel={props.cancelLabel}
        start={props.start}
        onCancel={props.onClose}
      >
        {props.children}
      </FormBody>
    </Modal>
  );
}

/** Puts focus back on the element that had it when the component mounted, once it unmounts. */
export function useReturnFocus() {
  const trigger = useRef<HTMLElement | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  if (trigger.current === null && typeof document !== 'undefined')
    trigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  useEffect(() => {
    // A remount right after the cleanup (React's development double run) is not a close.
    clearTimeout(pending.current);
    const element = trigger.current;
    return () => {
      // After the dialog's own focus handling has run.
      pending.current = setTimeout(() => {
        if (element?.isConnected) element.focus();
      }, 0);
    };
  }, []);
}
