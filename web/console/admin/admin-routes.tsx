import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router-dom';
import { useDocumentTitle } from '../../shared/use-document-title';

/** The admin feature's pages, routed under /console/admin/*. */
export function AdminRoutes() {
  return (
    <Routes>
      <Route index element={<Placeholder />} />
    </Routes>
  );
}

function Placeholder() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.title'));
  return (
    <div className="console-page">
      <Typography.Title level={1} className="console-page__title">
        {t('admin.title')}
      </Typography.Title>
    </div>
  );
}
