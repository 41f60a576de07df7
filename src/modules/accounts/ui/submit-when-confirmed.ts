import type { FormEvent } from 'react';
import type { TFunction } from 'i18next';

/** What the handler needs of a password form built with useSaveForm. */
type PasswordForm = {
  form: {
    getValues: () => { password: string; confirm: string };
    setFieldError: (path: 'confirm', error: string) => void;
  };
  submit: (event: FormEvent<HTMLFormElement>) => void;
};

/**
 * The submit handler of a form that sets a password (setup, invitation, reset): the confirmation is
 * the browser's concern only (the server receives one password), so a mismatch is shown on its field
 * and nothing is sent.
 */
export function submitWhenConfirmed(f: PasswordForm, t: TFunction) {
  return (event: FormEvent<HTMLFormElement>) => {
    const { password, confirm } = f.form.getValues();
    if (password !== confirm) {
      event.preventDefault();
      f.form.setFieldError('confirm', t('password.mismatch'));
      return;
    }
    f.submit(event);
  };
}
