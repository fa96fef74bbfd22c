import { useTranslation } from 'react-i18next';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container">
        <nav aria-label={t('portal.footer.nav')}>
          <ul className="site-footer__links">
            <li>
              <a href="https://www.creditchina.gov.cn/" rel="noopener noreferrer">
                {t('portal.footer.creditChina')}
              </a>
            </li>
            <li>
              <a href="/api/docs">{t('portal.footer.apiDocs')}</a>
            </li>
            <li>
              {/* A plain link: the console is a separate page, not a route of this app. */}
              <a href="/console">{t('portal.footer.staff')}</a>
            </li>
          </ul>
        </nav>
        <p className="site-footer__meta">
          © {new Date().getFullYear()} {t('site.name')} · {t('portal.footer.poweredBy')}
        </p>
      </div>
    </footer>
  );
}
