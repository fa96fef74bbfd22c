import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError, type ApiError } from '../../shared/api';
import { describeError } from '../../shared/error-message';
import { useFirstPageHref } from './cursor-pager';

const DATE_FIELDS = ['querystring.from', 'querystring.to'];

/** Refusals of what the address carries that trying again would only repeat. */
function refusalOf(error: ApiError): 'cursor' | 'dates' | 'conditions' | null {
  if (error.code.endsWith('.bad_cursor')) return 'cursor';
  if (error.code !== 'validation_failed') return null;
  const fields = (error.errors ?? []).map((e) => e.field);
  if (fields.length > 0 && fields.every((field) => field === 'querystring.cursor')) return 'cursor';
  if (fields.length > 0 && fields.every((field) => DATE_FIELDS.includes(field))) return 'dates';
  return 'conditions';
}

/** A failed call, said in the reader's language, with a way out: another page, other conditions, or a retry. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const firstPage = useFirstPageHref();
  const withoutDates = useFirstPageHref(['from', 'to']);
  // The website sends nothing but the conditions in its address (typed, or edited in a shared link):
  // the platform's refusal names API parameters, and trying again would only repeat it.
  const refusal = isApiError(error) ? refusalOf(error) : null;
  if (refusal === 'cursor') {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('errors.staleCursor')}
        description={t('errors.staleCursorHelp')}
        action={
          <Link to={firstPage} data-testid="first-page">
            {t('common.firstPage')}
          </Link>
        }
        data-testid="stale-cursor"
      />
    );
  }
  if (refusal === 'dates') {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('errors.invalidDates')}
        description={t('errors.invalidDatesHelp')}
        action={
          <Link to={withoutDates} data-testid="clear-dates">
            {t('errors.clearDates')}
          </Link>
        }
        data-testid="invalid-dates"
      />
    );
  }
  if (refusal === 'conditions') {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('errors.invalidConditions')}
        description={t('errors.invalidConditionsHelp')}
        data-testid="invalid-conditions"
      />
    );
  }
  const message = describeError(error, t);
  return (
    <Alert
      type="error"
      showIcon
      title={message.title}
      description={message.detail}
      action={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
