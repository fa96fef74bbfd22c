import { Route, Routes } from 'react-router-dom';
import { LookupPage } from './lookup-page';

/** The lookup feature's pages, routed under /console/lookup/*. */
export function LookupRoutes() {
  return (
    <Routes>
      <Route index element={<LookupPage />} />
    </Routes>
  );
}
