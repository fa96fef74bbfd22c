import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../shared/use-document-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('common.notFoundTitle')} · ${t('site.name')}`);
  return (
    <div className="container not-found">
      <h1>{t('common.notFoundTitle')}</h1>
      <p>{t('common.notFoundDetail')}</p>
      <Link to="/">{t('common.backHome')}</Link>
    </div>
  );
}
