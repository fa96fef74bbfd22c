import { SearchOutlined } from '@ant-design/icons';
import type { NavigationItem } from '../layout/navigation';

/** This feature's side-menu entries (merged in ../layout/navigation.tsx). */
export const lookupNavigation: readonly NavigationItem[] = [
  {
    path: '/lookup',
    label: 'lookup.title',
    icon: <SearchOutlined />,
    roles: ['platform_admin', 'department_admin', 'officer'],
  },
];
