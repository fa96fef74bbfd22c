import { HomeOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Messages } from '../../shared/i18n';

/** One side-menu entry. Later features add theirs here; `roles` limits who sees it. */
export interface NavigationItem {
  path: string;
  label: `console.menu.${keyof Messages['console']['menu']}`;
  icon: ReactNode;
  roles?: readonly string[];
}

export const navigation: readonly NavigationItem[] = [
  { path: '/', label: 'console.menu.home', icon: <HomeOutlined /> },
];

export function visibleNavigation(roles: readonly string[]): NavigationItem[] {
  return navigation.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role)));
}

/** The menu key of the entry that owns `pathname` (the longest matching prefix). */
export function selectedNavigationKey(pathname: string): string {
  const owner = navigation
    .filter((item) => pathname === item.path || pathname.startsWith(item.path === '/' ? '/' : `${item.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return owner?.path ?? '/';
}
