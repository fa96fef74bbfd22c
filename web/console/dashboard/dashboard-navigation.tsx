import { DashboardOutlined } from '@ant-design/icons';
import type { NavigationItem } from '../layout/navigation';

/** This feature's side-menu entries (merged in ../layout/navigation.tsx). */
export const dashboardNavigation: readonly NavigationItem[] = [
  {
    path: '/dashboard',
    label: 'dashboard.title',
    icon: <DashboardOutlined />,
    roles: ['platform_admin', 'department_admin', 'clerk', 'officer'],
  },
];
