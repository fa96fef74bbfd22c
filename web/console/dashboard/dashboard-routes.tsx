import { Route, Routes } from 'react-router-dom';
import './dashboard.css';
import { DashboardPage } from './dashboard-page';

/** The dashboard feature's pages, routed under /console/dashboard/*. */
export function DashboardRoutes() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
    </Routes>
  );
}
