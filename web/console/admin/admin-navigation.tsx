import { ApiOutlined, AuditOutlined, CalendarOutlined, ProfileOutlined, TeamOutlined } from '@ant-design/icons';
import type { NavigationItem } from '../layout/navigation';

const PLATFORM = ['platform_admin'] as const;
const ADMINS = ['platform_admin', 'department_admin'] as const;

/**
 * The administration sections and who sees them. The server enforces the
 * same (catalog.write and calendar.manage are the credit office's; a
 * department admin manages the users and keys of their own department).
 */
export const adminSections = [
  {
    path: '/admin/catalog',
    label: 'admin.menu.catalog',
    description: 'admin.menu.catalogText',
    icon: <ProfileOutlined />,
    roles: PLATFORM,
  },
  {
    path: '/admin/calendar',
    label: 'admin.menu.calendar',
    description: 'admin.menu.calendarText',
    icon: <CalendarOutlined />,
    roles: PLATFORM,
  },
  {
    path: '/admin/users',
    label: 'admin.menu.users',
    description: 'admin.menu.usersText',
    icon: <TeamOutlined />,
    roles: ADMINS,
  },
  {
    path: '/admin/api-keys',
    label: 'admin.menu.apiKeys',
    description: 'admin.menu.apiKeysText',
    icon: <ApiOutlined />,
    roles: ADMINS,
  },
  {
    path: '/admin/audit',
    label: 'admin.menu.audit',
    description: 'admin.menu.auditText',
    icon: <AuditOutlined />,
    roles: ADMINS,
  },
] as const;

/** This feature's side-menu entries (merged in ../layout/navigation.tsx). */
export const adminNavigation: readonly NavigationItem[] = [
  { path: '/admin/catalog', label: 'admin.menuCatalog', icon: <ProfileOutlined />, roles: PLATFORM },
  { path: '/admin/calendar', label: 'admin.menuCalendar', icon: <CalendarOutlined />, roles: PLATFORM },
  { path: '/admin/users', label: 'admin.menuUsers', icon: <TeamOutlined />, roles: ADMINS },
  { path: '/admin/api-keys', label: 'admin.menuApiKeys', icon: <ApiOutlined />, roles: ADMINS },
  { path: '/admin/audit', label: 'admin.menuAudit', icon: <AuditOutlined />, roles: ADMINS },
];
