import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BatchErrorTable } from './error-table';
import { reportUrl, type Batch, type CatalogItem } from './ingest-api';
import { useBilingual } from './ingest-text';

/** A finished batch: what happened, its counts, its notes, its errors and the error report. */
export function BatchResult({
  batch,
  item,
  actions,
}: {
  batch: Batch;
  item: CatalogItem | null;
  /** Next steps shown under the summary (upload again…). */
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const { text, name } = useBilingual();
  const itemName = item ? name(item) : batch.itemCode;
  const hasErrors = batch.rejected > 0;

  const headline =
    batch.status === 'failed'
      ? t('ingest.result.failed')
      : batch.status === 'rejected'
        ? t('ingest.result.rejected', { rejected: batch.rejected })
        : batch.status === 'running'
          ? t('ingest.result.running')
          : hasErrors
            ? t('ingest.result.committedWithErrors', { rejected: batch.rejected })
            : t('ingest.result.committed');
  const type = batch.status === 'failed' ? 'error' : batch.status === 'committed' && !hasErrors ? 'success' : 'warning';

  return (
    <section aria-labelledby={`batch-${batch.batchId}`} data-testid="ingest-result">
      <Alert
        type={type}
        showIcon
        className="ingest-page__section"
        title={
          <span id={`batch-${batch.batchId}`} data-testid="ingest-result-title">
            {headline}
          </span>
        }
        description={
          <>
            {batch.failure && <div data-testid="ingest-failure">{text(batch.failure)}</div>}
            {batch.failure?.code === 'ingest.header_invalid' && (
              <div>{t('ingest.upload.wrongItemHint', { item: itemName })}</div>
            )}
            {batch.failure?.code === 'ingest.encoding_invalid' && <div>{t('ingest.upload.encodingHint')}</div>}
            {batch.replayed && <div>{t('ingest.result.replayed')}</div>}
            <Typography.Text type="secondary">
              {t('ingest.result.batchId')}: {batch.batchId}
            </Typography.Text>
          </>
        }
      />
      {batch.status !== 'failed' && (
        <Card size="small" className="ingest-page__section ingest-summary">
          <Row gutter={[16, 16]}>
            <Stat title={t('ingest.result.rowsRead')} value={batch.rowsRead} testId="stat-read" />
            <Stat title={t('ingest.result.accepted')} value={batch.accepted} testId="stat-accepted" />
            <Stat title={t('ingest.result.rejectedCount')} value={batch.rejected} testId="stat-rejected" />
            <Stat title={t('ingest.result.created')} value={batch.created} testId="stat-created" />
            <Stat title={t('ingest.result.corrected')} value={batch.corrected} testId="stat-corrected" />
            <Stat title={t('ingest.result.unchanged')} value={batch.unchanged} testId="stat-unchanged" />
          </Row>
        </Card>
      )}
      {batch.warnings.length > 0 && (
        <Alert
          type="info"
          showIcon
          className="ingest-page__section"
          title={t('ingest.result.warnings')}
          description={
            <ul>
              {batch.warnings.map((warning) => (
                <li key={warning.code}>{text(warning)}</li>
              ))}
            </ul>
          }
        />
      )}
      {hasErrors && (
        <>
          <Typography.Paragraph>{t('ingest.upload.fixHint')}</Typography.Paragraph>
          <div className="ingest-actions ingest-page__section">
            <Button icon={<DownloadOutlined />} href={reportUrl(batch.batchId, 'xlsx')} download>
              {t('ingest.result.downloadXlsx')}
            </Button>
            <Button icon={<DownloadOutlined />} href={reportUrl(batch.batchId, 'csv')} download>
              {t('ingest.result.downloadCsv')}
            </Button>
            {actions}
          </div>
          <Typography.Title level={2} className="ingest-section-title">
            {t('ingest.errors.title')}
          </Typography.Title>
          <BatchErrorTable batchId={batch.batchId} item={item} />
        </>
      )}
      {!hasErrors && actions && <div className="ingest-actions">{actions}</div>}
    </section>
  );
}

function Stat({ title, value, testId }: { title: string; value: number; testId: string }) {
  return (
    <Col xs={12} sm={8} md={4}>
      <Statistic title={title} value={value} data-testid={testId} />
    </Col>
  );
}
