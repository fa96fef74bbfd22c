import { Alert, Button, Popconfirm, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api';
import { describeError } from '../../shared/error-message';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useCurrentUser } from '../auth/session-context';

/** One admin page: its h1, the tab title and an optional intro. */
export function AdminPage(props: { title: string; intro?: string; extra?: ReactNode; children: ReactNode }) {
  useDocumentTitle(props.title);
  return (
    <div className="console-page admin">
      <div className="admin__heading">
        <Typography.Title level={1} className="console-page__title">
          {props.title}
        </Typography.Title>
        {props.extra}
      </div>
      {props.intro && <Typography.Paragraph>{props.intro}</Typography.Paragraph>}
      {props.children}
    </div>
  );
}

/**
 * A small danger button that asks before it acts (disable, revoke): the
 * confirmation repeats the action's name on its OK button, and Cancel is the
 * safe default.
 */
export function ConfirmButton(props: {
  label: string;
  /** Names the row too, since a table has one such button per row. */
  ariaLabel: string;
  title: string;
  description?: string;
  disabled?: boolean;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={props.title}
      description={props.description}
      okText={props.label}
      cancelText={t('admin.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={props.onConfirm}
      disabled={props.disabled}
    >
      <Button size="small" danger disabled={props.disabled} aria-label={props.ariaLabel}>
        {props.label}
      </Button>
    </Popconfirm>
  );
}

/** A failed call as the person should read it: the server's own words, then each field's problem. */
export function ErrorAlert({ error, onRetry, testId }: { error: unknown; onRetry?: () => void; testId?: string }) {
  const { t } = useTranslation();
  const message = describeError(error, t);
  const fieldErrors = isApiError(error) ? (error.errors ?? []) : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="admin__alert"
      data-testid={testId}
      title={message.title}
      description={
        fieldErrors.length > 0 || message.detail ? (
          <>
            {message.detail && <p>{message.detail}</p>}
            {fieldErrors.length > 0 && (
              <ul className="admin__field-errors">
                {fieldErrors.map((e, index) => (
                  <li key={index}>
                    {e.field ? t('common.labelled', { label: e.field, value: e.message }) : e.message}
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

export function useIsPlatformAdmin(): boolean {
  return useCurrentUser().roles.includes('platform_admin');
}

/** Role codes from the server; unknown ones show as their code. */
export function roleLabel(role: string, t: TFunction): string {
  const known = ['platform_admin', 'department_admin', 'clerk', 'officer', 'agency', 'public'] as const;
  return (known as readonly string[]).includes(role) ? t(`console.roles.${role as (typeof known)[number]}`) : role;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('zh-CN', { hour12: false });
}
