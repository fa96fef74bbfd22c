import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, type Location } from 'react-router-dom';
import { describeError, type ErrorMessage } from '../../shared/error-message';
import { LanguageSwitch } from '../../shared/language-switch';
import { useDocumentTitle } from '../../shared/use-document-title';
import type { Credentials } from './auth-api';
import { useSession } from './session-context';
import { SessionPending } from './session-pending';

export function LoginPage() {
  const { t } = useTranslation();
  const { session, signIn } = useSession();
  const location = useLocation();
  const [form] = Form.useForm<Credentials>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<ErrorMessage | null>(null);
  useDocumentTitle(`${t('console.login.title')} · ${t('site.consoleName')}`);

  if (session.status === 'authenticated') {
    const from = (location.state as { from?: Location } | null)?.from;
    return <Navigate to={from ?? '/'} replace />;
  }
  if (session.status !== 'anonymous') return <SessionPending />;

  const submit = async (credentials: Credentials) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await signIn(credentials);
    } catch (error) {
      setFailure(describeError(error, t));
      // Keep the username, clear the password: the usual retry is a corrected password.
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="login">
      <header className="login__bar">
        <a href="/" className="login__portal-link">
          {t('console.login.toPortal')}
        </a>
        <LanguageSwitch />
      </header>
      <main className="login__main">
        <Card className="login__card">
          <p className="login__site">{t('site.consoleName')}</p>
          <h1 className="login__title">{t('console.login.title')}</h1>
          {failure && (
            <Alert
              className="login__error"
              type="error"
              showIcon
              title={failure.title}
              description={failure.detail}
              data-testid="login-error"
            />
          )}
          <Form
            form={form}
            name="login"
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => void submit(values)}
          >
            <Form.Item
              label={t('console.login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('console.login.usernameRequired') }]}
            >
              <Input size="large" autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              label={t('console.login.password')}
              name="password"
              rules={[{ required: true, message: t('console.login.passwordRequired') }]}
            >
              <Input.Password size="large" autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
              {t('console.login.submit')}
            </Button>
          </Form>
        </Card>
      </main>
    </div>
  );
}
