import { CloudUploadOutlined } from '@ant-design/icons';
import type { NavigationItem } from '../layout/navigation';

/** This feature's side-menu entries (merged in ../layout/navigation.tsx). */
export const ingestNavigation: readonly NavigationItem[] = [
  {
    path: '/ingest',
    label: 'ingest.title',
    icon: <CloudUploadOutlined />,
    roles: ['platform_admin', 'department_admin', 'clerk'],
  },
];
