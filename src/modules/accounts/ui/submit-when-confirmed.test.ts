import type { FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { submitWhenConfirmed } from './submit-when-confirmed';

/** A password form's values and what the handler did with them. */
function attempt(password: string, confirm: string) {
  const seen = { errors: {} as Record<string, string>, submitted: false, prevented: false };
  const f = {
    form: {
      getValues: () => ({ password, confirm }),
      setFieldError: (path: 'confirm', error: string) => void (seen.errors[path] = error),
    },
    submit: () => void (seen.submitted = true),
  };
  const t = ((key: string) => `«${key}»`) as unknown as TFunction;
  const event = { preventDefault: () => void (seen.prevented = true) } as FormEvent<HTMLFormElement>;
  submitWhenConfirmed(f, t)(event);
  return seen;
}

describe('a form that sets a password', () => {
  it('sends nothing when the confirmation differs, and says so on the confirmation field', () => {
    expect(attempt('Una-clave-larga-2024', 'Una-clave-larga-2025')).toEqual({
      errors: { confirm: '«password.mismatch»' },
      submitted: false,
      prevented: true,
    });
  });

  it('submits when both match', () => {
    expect(attempt('Una-clave-larga-2024', 'Una-clave-larga-2024')).toEqual({
      errors: {},
      submitted: true,
      prevented: false,
    });
  });
});
