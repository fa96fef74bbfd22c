import type { TFunction } from 'i18next';
import { clientErrorCodes, isApiError } from './api';

export interface ErrorMessage {
  title: string;
  detail: string | undefined;
}

/**
 * What to tell a person about a failed call. Problems from the platform are
 * already in their language (Accept-Language); only failures that never
 * reached the platform need a local text.
 */
export function describeError(error: unknown, t: TFunction): ErrorMessage {
  if (isApiError(error)) {
    if (error.code === clientErrorCodes.network) return { title: t('errors.network'), detail: undefined };
    if (error.code.startsWith('http.') || error.code === clientErrorCodes.badResponse) {
      return { title: t('errors.unexpected'), detail: `HTTP ${error.status}` };
    }
    return { title: error.title, detail: error.detail };
  }
  return { title: t('errors.unexpected'), detail: undefined };
}
