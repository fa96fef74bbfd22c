import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { App, Button, Grid, Layout, Menu, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { describeError } from '../../shared/error-message';
import { LanguageSwitch } from '../../shared/language-switch';
import { useCurrentUser, useSession } from '../auth/session-context';
import { selectedNavigationKey, visibleNavigation } from './navigation';

/** The signed-in frame: side menu, top bar with the user and sign-out, routed content. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { signOut } = useSession();
  const { message } = App.useApp();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const [menuOpen, setMenuOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);

  const items = visibleNavigation(user.roles).map((item) => ({
    key: item.path,
    icon: item.icon,
    label: <Link to={item.path}>{t(item.label)}</Link>,
  }));

  const handleSignOut = async () => {
    setSigningOut(true);
    try {
      await signOut();
    } catch (error) {
      void message.error(describeError(error, t).title);
      setSigningOut(false);
    }
  };

  return (
    <Layout className="console-layout">
      {/* On phones the menu slides over the page instead of squeezing it to 150 px. */}
      {narrow && menuOpen && <div className="console-layout__backdrop" onClick={() => setMenuOpen(false)} />}
      <Layout.Sider
        width={208}
        collapsedWidth={0}
        collapsed={narrow && !menuOpen}
        trigger={null}
        className={narrow ? 'console-layout__sider console-layout__sider--overlay' : 'console-layout__sider'}
      >
        <div className="console-layout__brand">{t('site.consoleName')}</div>
        <nav aria-label={t('console.nav')}>
          <Menu
            theme="dark"
            mode="inline"
            items={items}
            selectedKeys={[selectedNavigationKey(location.pathname)]}
            onClick={() => setMenuOpen(false)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="console-layout__header">
          {narrow && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('console.nav')}
              aria-expanded={menuOpen}
              onClick={() => setMenuOpen((open) => !open)}
            />
          )}
          <span className="console-layout__spacer" />
          <span className="console-layout__user">{user.displayName}</span>
          <LanguageSwitch />
          <Button icon={<LogoutOutlined />} loading={signingOut} onClick={() => void handleSignOut()}>
            {t('console.logout')}
          </Button>
        </Layout.Header>
        <Layout.Content className="console-layout__content">
          <main>
            {/* A feature's chunk loads here, keeping the menu and header in place. */}
            <Suspense fallback={<Spin className="console-layout__loading" aria-label={t('common.loading')} />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
