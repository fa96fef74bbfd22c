import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AntdProvider } from '../shared/antd-provider';
import { HomePage } from './home/home-page';
import { NotFoundPage } from './not-found-page';
import { SiteFooter } from './layout/site-footer';
import { SiteHeader } from './layout/site-header';

/** The public website: one shell (header, main, footer) around the routed pages. */
export function PortalApp() {
  const { t } = useTranslation();
  return (
    <AntdProvider>
      <BrowserRouter>
        <a className="skip-link" href="#main">
          {t('portal.skipToContent')}
        </a>
        <div className="portal">
          <SiteHeader />
          <main id="main" className="portal__main" tabIndex={-1}>
            <Routes>
              <Route index element={<HomePage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </main>
          <SiteFooter />
        </div>
      </BrowserRouter>
    </AntdProvider>
  );
}
