import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../auth/session-context';
import { AdminPage } from './admin-common';
import { adminSections } from './admin-navigation';

/** The administration start page: one card per section the user's roles open. */
export function AdminHome() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const sections = adminSections.filter((s) => s.roles.some((role) => user.roles.includes(role)));
  return (
    <AdminPage title={t('admin.title')} intro={t('admin.intro')}>
      <Row gutter={[16, 16]}>
        {sections.map((section) => (
          <Col key={section.path} xs={24} md={12} xl={8}>
            <Link to={section.path} className="admin__section-link">
              <Card hoverable>
                <Typography.Title level={2} className="admin__card-title">
                  {section.icon} {t(section.label)}
                </Typography.Title>
                <Typography.Paragraph className="admin__section-text">{t(section.description)}</Typography.Paragraph>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </AdminPage>
  );
}
