import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface State {
  failed: boolean;
}

/**
 * A page whose code could not be downloaded (offline, or a release replaced
 * it) says what to do instead of leaving a blank screen. Keyed by path in the
 * app, so moving to another page tries again.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}

function PageFailed() {
  const { t } = useTranslation();
  return (
    <div className="container page" role="alert">
      <h1 className="page__title">{t('portal.pageFailed.title')}</h1>
      <p>{t('portal.pageFailed.detail')}</p>
      <p>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {t('portal.pageFailed.reload')}
        </button>
      </p>
    </div>
  );
}
