import { Route, Routes } from 'react-router-dom';
import { BatchesPage, BatchPage } from './batches-page';
import { EntryPage } from './entry-page';
import { UploadPage } from './upload-page';

/** The ingest feature's pages, routed under /console/ingest/*. */
export function IngestRoutes() {
  return (
    <Routes>
      <Route index element={<UploadPage />} />
      <Route path="entry" element={<EntryPage />} />
      <Route path="batches" element={<BatchesPage />} />
      <Route path="batches/:id" element={<BatchPage />} />
    </Routes>
  );
}
