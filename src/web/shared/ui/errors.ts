import { notifications } from 'mantine-notifications-store';
import type { TFunction } from 'i18next';
import { ApiRequestError } from '../api/client';

/** A failed request in words for the user: the server's own Spanish message when it gave one. */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiRequestError) {
    if (error.code === 'NETWORK') return t('errors.network');
    if (error.message) return error.message;
    return t('errors.status', { status: error.status });
  }
  return t('errors.unexpected');
}

export function notifyError(error: unknown, t: TFunction): void {
  notifications.show({ color: 'red', title: t('errors.title'), message: errorText(error, t) });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message });
}
