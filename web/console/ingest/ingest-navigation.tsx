import { CloudUploadOutlined, FormOutlined, HistoryOutlined } from '@ant-design/icons';
import type { NavigationItem } from '../layout/navigation';

const submitters = ['platform_admin', 'department_admin', 'clerk'];

/** This feature's side-menu entries (merged in ../layout/navigation.tsx). */
export const ingestNavigation: readonly NavigationItem[] = [
  { path: '/ingest', label: 'ingest.menu.upload', icon: <CloudUploadOutlined />, roles: submitters },
  { path: '/ingest/entry', label: 'ingest.menu.entry', icon: <FormOutlined />, roles: submitters },
  { path: '/ingest/batches', label: 'ingest.menu.batches', icon: <HistoryOutlined />, roles: submitters },
];
