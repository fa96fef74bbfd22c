import { FileSearchOutlined, LinkOutlined } from '@ant-design/icons';
import type { NavigationItem } from '../layout/navigation';

/** This feature's side-menu entries (merged in ../layout/navigation.tsx). */
export const recordsNavigation: readonly NavigationItem[] = [
  {
    path: '/records',
    label: 'records.title',
    icon: <FileSearchOutlined />,
    roles: ['platform_admin', 'department_admin', 'clerk', 'officer', 'agency'],
  },
  {
    path: '/records/unmatched',
    label: 'records.unmatchedMenu',
    icon: <LinkOutlined />,
    roles: ['platform_admin', 'department_admin', 'clerk'],
  },
];
