import { SettingOutlined } from '@ant-design/icons';
import type { NavigationItem } from '../layout/navigation';

/** This feature's side-menu entries (merged in ../layout/navigation.tsx). */
export const adminNavigation: readonly NavigationItem[] = [
  { path: '/admin', label: 'admin.title', icon: <SettingOutlined />, roles: ['platform_admin', 'department_admin'] },
];
