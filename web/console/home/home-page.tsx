import { Card, Descriptions, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Messages } from '../../shared/i18n';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useCurrentUser } from '../auth/session-context';

type KnownRole = keyof Messages['console']['roles'];

// The server's role codes (src/modules/identity/roles.ts).
const knownRoles: readonly KnownRole[] = ['platform_admin', 'department_admin', 'clerk', 'officer', 'agency', 'public'];

function isKnownRole(role: string): role is KnownRole {
  return (knownRoles as readonly string[]).includes(role);
}

/** Role codes come from the server; unknown ones (added later) show as their code rather than vanish. */
function roleLabel(role: string, t: TFunction): string {
  return isKnownRole(role) ? t(`console.roles.${role}`) : role;
}

export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  useDocumentTitle(t('site.consoleName'));

  return (
    <div className="console-page">
      <Typography.Title level={1} className="console-page__title" data-testid="greeting">
        {t('console.home.greeting', { name: user.displayName })}
      </Typography.Title>
      <Typography.Paragraph>{t('console.home.intro')}</Typography.Paragraph>
      <Card title={t('console.home.account')}>
        <Descriptions
          column={1}
          items={[
            { key: 'username', label: t('console.home.username'), children: user.username },
            {
              key: 'department',
              label: t('console.home.department'),
              children: user.departmentName ?? t('console.home.noDepartment'),
            },
            {
              key: 'roles',
              label: t('console.home.roles'),
              children: user.roles.map((role) => (
                <Tag key={role} color="blue">
                  {roleLabel(role, t)}
                </Tag>
              )),
            },
          ]}
        />
      </Card>
    </div>
  );
}
