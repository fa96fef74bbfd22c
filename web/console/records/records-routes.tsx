import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router-dom';
import { useDocumentTitle } from '../../shared/use-document-title';

/** The records feature's pages, routed under /console/records/*. */
export function RecordsRoutes() {
  return (
    <Routes>
      <Route index element={<Placeholder />} />
    </Routes>
  );
}

function Placeholder() {
  const { t } = useTranslation();
  useDocumentTitle(t('records.title'));
  return (
    <div className="console-page">
      <Typography.Title level={1} className="console-page__title">
        {t('records.title')}
      </Typography.Title>
    </div>
  );
}
