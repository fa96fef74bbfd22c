import { App } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AntdProvider } from '../shared/antd-provider';
import { lazyNamed } from '../shared/lazy-named';
import { RequireSession } from './auth/require-session';
import { FullPageSpinner } from './auth/session-pending';
import { SessionProvider } from './auth/session-provider';

// Split so the login screen does not download the signed-in layout and its menu, and vice versa.
const LoginPage = lazyNamed(() => import('./auth/login-page'), 'LoginPage');
const ConsoleLayout = lazyNamed(() => import('./layout/console-layout'), 'ConsoleLayout');
const HomePage = lazyNamed(() => import('./home/home-page'), 'HomePage');
const ConsoleNotFound = lazyNamed(() => import('./console-not-found'), 'ConsoleNotFound');
// One lazy chunk per feature: each owns its routes below its path.
const DashboardRoutes = lazyNamed(() => import('./dashboard/dashboard-routes'), 'DashboardRoutes');
const IngestRoutes = lazyNamed(() => import('./ingest/ingest-routes'), 'IngestRoutes');
const RecordsRoutes = lazyNamed(() => import('./records/records-routes'), 'RecordsRoutes');
const LookupRoutes = lazyNamed(() => import('./lookup/lookup-routes'), 'LookupRoutes');
const AdminRoutes = lazyNamed(() => import('./admin/admin-routes'), 'AdminRoutes');

/** The staff console, served by the platform at /console and /console/*. */
export function ConsoleApp() {
  return (
    <AntdProvider>
      <App>
        <SessionProvider>
          <BrowserRouter basename="/console">
            <ConsoleRoutes />
          </BrowserRouter>
        </SessionProvider>
      </App>
    </AntdProvider>
  );
}

function ConsoleRoutes() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<FullPageSpinner label={t('common.loading')} />}>
      <Routes>
        <Route path="login" element={<LoginPage />} />
        <Route
          element={
            <RequireSession>
              <ConsoleLayout />
            </RequireSession>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="dashboard/*" element={<DashboardRoutes />} />
          <Route path="ingest/*" element={<IngestRoutes />} />
          <Route path="records/*" element={<RecordsRoutes />} />
          <Route path="lookup/*" element={<LookupRoutes />} />
          <Route path="admin/*" element={<AdminRoutes />} />
          <Route path="*" element={<ConsoleNotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
