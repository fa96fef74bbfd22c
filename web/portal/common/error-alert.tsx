import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/error-message';

/** A failed call, said in the reader's language, with a way to try again. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
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
