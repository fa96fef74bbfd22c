import { Spin } from 'antd';
import { Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router-dom';
import { AntdProvider } from '../shared/antd-provider';
import { lazyNamed } from '../shared/lazy-named';
import { PageErrorBoundary } from './common/page-error-boundary';
import { HomePage } from './home/home-page';
import { NotFoundPage } from './not-found-page';
import { SiteFooter } from './layout/site-footer';
import { SiteHeader } from './layout/site-header';

// The home page ships in the first bundle; every other page loads when first opened.
const SearchPage = lazyNamed(() => import('./search/search-page'), 'SearchPage');
const SubjectPage = lazyNamed(() => import('./subject/subject-page'), 'SubjectPage');
const PublicityPage = lazyNamed(() => import('./publicity/publicity-page'), 'PublicityPage');
const RecordPage = lazyNamed(() => import('./publicity/record-page'), 'RecordPage');
const ListPage = lazyNamed(() => import('./lists/list-page'), 'ListPage');
const AboutPage = lazyNamed(() => import('./about/about-page'), 'AboutPage');

/** A new page starts at the top, as a server-rendered site would; query changes on the same page do not scroll. */
function ScrollToTop() {
  const { pathname } = useLocation();
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);
  return null;
}

/** Keyed by path: an error on one page does not stay when the reader moves on. */
function PageBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <PageErrorBoundary key={pathname}>{children}</PageErrorBoundary>;
}

function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="container page-loading">
      <Spin description={t('common.loading')} />
    </div>
  );
}

/** The public website: one shell (header, main, footer) around the routed pages. */
export function PortalApp() {
  const { t } = useTranslation();
  return (
    <AntdProvider>
      <BrowserRouter>
        <ScrollToTop />
        <a className="skip-link" href="#main">
          {t('portal.skipToContent')}
        </a>
        <div className="portal">
          <SiteHeader />
          <main id="main" className="portal__main" tabIndex={-1}>
            <PageBoundary>
              <Suspense fallback={<PageLoading />}>
                <Routes>
                  <Route index element={<HomePage />} />
                  <Route path="search" element={<SearchPage />} />
                  <Route path="subjects/:id" element={<SubjectPage />} />
                  <Route path="publicity" element={<PublicityPage />} />
                  <Route path="publicity/:id" element={<RecordPage />} />
                  <Route path="lists/red" element={<ListPage list="red" />} />
                  <Route path="lists/black" element={<ListPage list="black" />} />
                  <Route path="about" element={<AboutPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Routes>
              </Suspense>
            </PageBoundary>
          </main>
          <SiteFooter />
        </div>
      </BrowserRouter>
    </AntdProvider>
  );
}
