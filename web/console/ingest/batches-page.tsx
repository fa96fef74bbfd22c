import { Alert, Badge, Button, Card, Descriptions, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { describeError } from '../../shared/error-message';
import { useApiQuery } from '../../shared/use-api-query';
import { useDocumentTitle } from '../../shared/use-document-title';
import { BatchResult } from './batch-result';
import { fetchBatch, fetchBatches, fetchCatalogItem, type Batch, type BatchStatus } from './ingest-api';
import { formatTime } from './ingest-text';
import './ingest.css';

const statusBadges = {
  running: 'processing',
  committed: 'success',
  rejected: 'warning',
  failed: 'error',
} as const satisfies Record<BatchStatus, string>;

/** A coloured dot and the status in body text (antd's coloured tags fail AA contrast). */
function StatusTag({ status }: { status: BatchStatus }) {
  const { t } = useTranslation();
  return <Badge status={statusBadges[status]} text={t(`ingest.status.${status}`)} />;
}

function useChannelLabel() {
  const { t } = useTranslation();
  return (channel: string) =>
    channel === 'file' || channel === 'api' || channel === 'form' || channel === 'cli'
      ? t(`ingest.channels.${channel}`)
      : channel;
}

/** /console/ingest/batches: the department's batches, newest first, page by page. */
export function BatchesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('ingest.batches.title'));
  const channelLabel = useChannelLabel();
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [pages, setPages] = useState<Batch[][]>([]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const page = useApiQuery(`batches:${cursor ?? ''}`, async (signal) => {
    const result = await fetchBatches(cursor, signal);
    setPages((previous) => [...previous.slice(0, cursors.length - 1), result.items]);
    return result;
  });
  const rows = pages.flat();

  const columns: ColumnsType<Batch> = [
    {
      title: t('ingest.batches.when'),
      dataIndex: 'createdAt',
      width: 150,
      render: (value: string) => formatTime(value),
    },
    {
      title: t('ingest.result.batchId'),
      dataIndex: 'batchId',
      render: (id: string) => <Link to={`/ingest/batches/${id}`}>{id}</Link>,
    },
    { title: t('ingest.common.item'), dataIndex: 'itemCode' },
    { title: t('ingest.batches.who'), dataIndex: 'createdBy' },
    { title: t('ingest.batches.channel'), dataIndex: 'channel', render: (c: string) => channelLabel(c) },
    {
      title: t('ingest.batches.file'),
      key: 'file',
      render: (_, batch) =>
        batch.fileName ? (
          <>
            <div>{batch.fileName}</div>
            {batch.fileHash && (
              <Typography.Text type="secondary" className="ingest-hash" title={batch.fileHash}>
                {batch.fileHash.slice(0, 12)}…
              </Typography.Text>
            )}
          </>
        ) : null,
    },
    { title: t('ingest.batches.status'), dataIndex: 'status', render: (s: BatchStatus) => <StatusTag status={s} /> },
    {
      title: t('ingest.batches.counts'),
      key: 'counts',
      render: (_, b) => `${b.rowsRead} / ${b.accepted} / ${b.rejected}`,
    },
  ];

  return (
    <div className="console-page ingest-page">
      <Typography.Title level={1} className="console-page__title">
        {t('ingest.batches.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('ingest.batches.intro')}</Typography.Paragraph>
      {page.status === 'error' && (
        <Alert
          type="error"
          showIcon
          className="ingest-page__section"
          title={describeError(page.error, t).title}
          action={<Button onClick={page.reload}>{t('ingest.common.retry')}</Button>}
        />
      )}
      <Table
        data-testid="ingest-batches"
        rowKey="batchId"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={page.status === 'loading'}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('ingest.batches.empty') }}
      />
      {page.status === 'success' && page.data.nextCursor && (
        <Button
          className="ingest-actions"
          onClick={() => setCursors((previous) => [...previous, page.data.nextCursor])}
        >
          {t('ingest.batches.more')}
        </Button>
      )}
    </div>
  );
}

/** /console/ingest/batches/:id: one batch, its errors and its error report. */
export function BatchPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  useDocumentTitle(t('ingest.batches.detailTitle', { id }));
  const channelLabel = useChannelLabel();
  const batch = useApiQuery(id, (signal) => fetchBatch(id, signal));
  const itemCode = batch.status === 'success' ? batch.data.itemCode : null;
  const item = useApiQuery(itemCode, (signal) => fetchCatalogItem(itemCode!, signal));
  return (
    <div className="console-page ingest-page">
      <Link to="/ingest/batches">← {t('ingest.batches.back')}</Link>
      <Typography.Title level={1} className="console-page__title">
        {t('ingest.batches.detailTitle', { id })}
      </Typography.Title>
      {batch.status === 'error' ? (
        <Alert type="error" showIcon title={describeError(batch.error, t).title} />
      ) : batch.status !== 'success' ? (
        <Skeleton active />
      ) : (
        <>
          <Card size="small" className="ingest-page__section">
            <Descriptions
              column={{ xs: 1, md: 2 }}
              size="small"
              items={[
                { key: 'item', label: t('ingest.common.item'), children: batch.data.itemCode },
                {
                  key: 'status',
                  label: t('ingest.batches.status'),
                  children: <StatusTag status={batch.data.status} />,
                },
                { key: 'who', label: t('ingest.batches.who'), children: batch.data.createdBy },
                { key: 'when', label: t('ingest.batches.when'), children: formatTime(batch.data.createdAt) },
                {
                  key: 'finished',
                  label: t('ingest.batches.finishedAt'),
                  children: batch.data.finishedAt ? formatTime(batch.data.finishedAt) : '—',
                },
                { key: 'channel', label: t('ingest.batches.channel'), children: channelLabel(batch.data.channel) },
                { key: 'mode', label: t('ingest.batches.mode'), children: t(`ingest.modes.${batch.data.mode}`) },
                { key: 'file', label: t('ingest.batches.file'), children: batch.data.fileName ?? '—' },
                {
                  key: 'hash',
                  label: t('ingest.batches.fileHash'),
                  children: <span className="ingest-hash">{batch.data.fileHash ?? '—'}</span>,
                },
              ]}
            />
          </Card>
          <BatchResult batch={batch.data} item={item.status === 'success' ? item.data : null} />
        </>
      )}
    </div>
  );
}
