import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as spanish from '@zxcvbn-ts/language-es-es';
import { AppError } from '../platform/errors';

/**
 * The password rule beyond length (NewPasswordSchema checks 12–200 characters): zxcvbn's estimate
 * must reach 3 of 4 ("safely unguessable"), so common passwords, keyboard runs, repetitions and
 * the person's own name or e-mail are refused (ADR 0027). zxcvbn-ts ships its dictionaries (tens of
 * thousands of leaked passwords, common and Spanish words): nothing leaves the server. It runs on
 * the server only: its dictionaries would weigh more than the whole home page.
 */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  // Loaded on first use: the dictionaries take a few hundred milliseconds to index.
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...spanish.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return estimator;
}

export const WEAK_PASSWORD_MESSAGE =
  'Esa contraseña es demasiado común o fácil de adivinar. Use una frase de varias palabras que solo usted conozca.';
const PERSONAL_PASSWORD_MESSAGE =
  'La contraseña no debe contener su nombre ni su correo. Use una frase de varias palabras que solo usted conozca.';

/**
 * Why `password` is refused, or null when it passes. `personal` holds what an attacker knows of
 * its owner (name, e-mail and its parts), which zxcvbn treats as dictionary words.
 */
export function passwordProblem(password: string, personal: readonly string[] = []): string | null {
  const words = personal
    .flatMap((p) => [p, ...p.toLowerCase().split(/[\s@._-]+/)])
    .filter((w) => w.length >= 3);
  const result = zxcvbn().check(password, words);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const personalMatch = result.sequence.some(
    (m) => m.pattern === 'dictionary' && 'dictionaryName' in m && m.dictionaryName === 'userInputs',
  );
  return personalMatch ? PERSONAL_PASSWORD_MESSAGE : WEAK_PASSWORD_MESSAGE;
}

/** Refuses a weak password with a 400 on the field `path`, before anything is written. */
export function assertAcceptablePassword(password: string, path: string, personal: readonly string[] = []) {
  const problem = passwordProblem(password, personal);
  if (problem) throw new AppError('WEAK_PASSWORD', 400, [{ path, message: problem }]);
}
