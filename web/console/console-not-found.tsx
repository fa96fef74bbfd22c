import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function ConsoleNotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<h1 className="console-page__title">{t('common.notFoundTitle')}</h1>}
      subTitle={t('common.notFoundDetail')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
