import { HomeOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Messages } from '../../shared/i18n';
import { adminNavigation } from '../admin/admin-navigation';
import { dashboardNavigation } from '../dashboard/dashboard-navigation';
import { ingestNavigation } from '../ingest/ingest-navigation';
import { lookupNavigation } from '../lookup/lookup-navigation';
import { recordsNavigation } from '../records/records-navigation';

type Feature = 'admin' | 'dashboard' | 'ingest' | 'lookup' | 'records';
/** The keys of `M` whose values are texts (a feature's nested groups are not labels). */
type TextKeys<M> = { [K in keyof M & string]: M[K] extends string ? K : never }[keyof M & string];
/** A text key: `console.menu.*` or a top-level text of a feature's messages. */
export type NavigationLabel =
  `console.menu.${keyof Messages['console']['menu']}` | { [F in Feature]: `${F}.${TextKeys<Messages[F]>}` }[Feature];

/** One side-menu entry. Each feature folder lists its own; `roles` limits who sees it. */
export interface NavigationItem {
  path: string;
  label: NavigationLabel;
  icon: ReactNode;
  roles?: readonly string[];
}

export const navigation: readonly NavigationItem[] = [
  { path: '/', label: 'console.menu.home', icon: <HomeOutlined /> },
  ...dashboardNavigation,
  ...ingestNavigation,
  ...recordsNavigation,
  ...lookupNavigation,
  ...adminNavigation,
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
