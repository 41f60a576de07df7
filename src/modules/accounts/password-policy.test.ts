import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors';
import { assertAcceptablePassword, passwordProblem, WEAK_PASSWORD_MESSAGE } from './password-policy';

describe('password policy', () => {
  it('refuses common passwords, keyboard runs and sequences of twelve characters or more', () => {
    for (const password of [
      'password1234',
      '123456789012',
      'qwertyuiopas',
      'iloveyou1234',
      'contraseña123',
    ]) {
      expect(passwordProblem(password), password).toBe(WEAK_PASSWORD_MESSAGE);
    }
  });

  it('accepts passphrases nobody else would pick', () => {
    for (const password of ['frase larga del operador', 'una-nueva-contraseña', 'tortuga azul en Mitla 88']) {
      expect(passwordProblem(password), password).toBeNull();
    }
  });

  it("refuses a password built from the person's own name or e-mail, and says so", () => {
    const personal = ['Rosario Castellanos', 'rosario.castellanos@iecm.mx'];
    expect(passwordProblem('castellanos2024', personal)).toMatch(/su nombre ni su correo/);
    expect(passwordProblem('castellanos2024')).not.toMatch(/su nombre/);
  });

  it('answers 400 WEAK_PASSWORD on the named field', () => {
    let thrown: unknown;
    try {
      assertAcceptablePassword('password1234', 'newPassword');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).toJSON()).toEqual({
      code: 'WEAK_PASSWORD',
      message: 'La contraseña es demasiado fácil de adivinar. Elija otra.',
      fields: [{ path: 'newPassword', message: WEAK_PASSWORD_MESSAGE }],
    });
    expect((thrown as AppError).status).toBe(400);
  });
});
