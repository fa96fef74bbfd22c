import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api';
import { describeError } from '../../shared/error-message';

/** A failed call, said in the reader's language, with a way to try again. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  // The website sends nothing but the conditions in its address (typed, or edited in a shared link):
  // the platform's refusal names API parameters, and trying again would only repeat it.
  if (isApiError(error) && error.code === 'validation_failed') {
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
