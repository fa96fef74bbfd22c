import './admin.css';
import { ConfigProvider } from 'antd';
import { Route, Routes } from 'react-router-dom';
import { AdminHome } from './admin-home';
import { ApiKeysPage } from './api-keys-page';
import { AuditPage } from './audit-page';
import { CalendarPage } from './calendar-page';
import { CatalogItemPage } from './catalog-item-page';
import { CatalogListPage } from './catalog-list-page';
import { UsersPage } from './users-page';

/** The admin feature's pages, routed under /console/admin/*. */
export function AdminRoutes() {
  return (
    // Destructive buttons (disable, revoke, retire) in a red dark enough for AA contrast on white.
    <ConfigProvider theme={{ token: { colorError: '#cf1322' } }}>
      <Routes>
        <Route index element={<AdminHome />} />
        <Route path="catalog" element={<CatalogListPage />} />
        <Route path="catalog/:code" element={<CatalogItemPage />} />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="api-keys" element={<ApiKeysPage />} />
        <Route path="audit" element={<AuditPage />} />
      </Routes>
    </ConfigProvider>
  );
}
