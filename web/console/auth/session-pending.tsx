import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/error-message';
import { useSession } from './session-context';

/** What to show while we do not yet know whether the user is signed in. */
export function SessionPending() {
  const { t } = useTranslation();
  const { session, recheck } = useSession();
  if (session.status === 'unavailable') {
    const message = describeError(session.error, t);
    return (
      <main className="console-centered">
        <Result
          status="warning"
          title={t('console.session.unavailable')}
          subTitle={message.detail ?? message.title}
          extra={<Button onClick={recheck}>{t('common.retry')}</Button>}
        />
      </main>
    );
  }
  return <FullPageSpinner label={t('console.session.checking')} />;
}

export function FullPageSpinner({ label }: { label: string }) {
  return (
    <main className="console-centered" aria-busy="true">
      <Spin size="large" description={label} />
    </main>
  );
}
