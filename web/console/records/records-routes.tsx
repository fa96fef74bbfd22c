import { Route, Routes } from 'react-router-dom';
import './records.css';
import { RecordDetailPage } from './record-detail-page';
import { RecordsListPage } from './records-list-page';
import { UnmatchedPage } from './unmatched-page';

/** The records feature's pages, routed under /console/records/*. */
export function RecordsRoutes() {
  return (
    <Routes>
      <Route index element={<RecordsListPage />} />
      <Route path="unmatched" element={<UnmatchedPage />} />
      <Route path=":id" element={<RecordDetailPage />} />
    </Routes>
  );
}
