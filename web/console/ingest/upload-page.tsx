import type { TFunction } from 'i18next';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Progress, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { describeError } from '../../shared/error-message';
import { useApiQuery } from '../../shared/use-api-query';
import { useDocumentTitle } from '../../shared/use-document-title';
import { BatchResult } from './batch-result';
import {
  BatchStreamError,
  fetchCatalogItem,
  newIdempotencyKey,
  templateUrl,
  uploadFile,
  type Batch,
  type SubmittableItems,
} from './ingest-api';
import { formatBytes, useBilingual } from './ingest-text';
import { ItemsUnavailable, SubmissionTarget, useSubmittableItems, type Target } from './submission-target';
import './ingest.css';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; fileName: string; loaded: number; total: number }
  | { kind: 'processing'; fileName: string; rowsRead: number; accepted: number; rejected: number; phase: string }
  | { kind: 'done'; batch: Batch }
  | { kind: 'error'; title: string; detail?: string | undefined };

/** /console/ingest: upload a CSV or XLSX file of one catalog item, watch it run, fix what failed. */
export function UploadPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('ingest.upload.title'));
  const items = useSubmittableItems();
  return (
    <div className="console-page ingest-page">
      <Typography.Title level={1} className="console-page__title">
        {t('ingest.upload.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('ingest.upload.intro')}</Typography.Paragraph>
      {items.status === 'success' ? <Uploader items={items.data} /> : <ItemsUnavailable state={items} />}
    </div>
  );
}

function Uploader({ items }: { items: SubmittableItems }) {
  const { t } = useTranslation();
  const { text } = useBilingual();
  const fileItems = items.items.filter((item) => item.collectionMethods.includes('file'));
  const [target, setTarget] = useState<Target>({
    itemCode: fileItems.length === 1 ? fileItems[0]!.code : null,
    departmentCode: items.departmentCode,
  });
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const item = useApiQuery(target.itemCode, (signal) => fetchCatalogItem(target.itemCode!, signal));
  const ready = target.itemCode !== null && target.departmentCode !== null;
  const busy = phase.kind === 'uploading' || phase.kind === 'processing';

  const start = async (file: File) => {
    if (!ready || busy) return;
    const problem = checkFile(file, items.uploadLimit, t);
    if (problem) {
      setPhase({ kind: 'error', title: problem });
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ kind: 'uploading', fileName: file.name, loaded: 0, total: file.size });
    try {
      const batch = await uploadFile(
        target.itemCode!,
        file,
        {
          mode: allOrNothing ? 'all_or_nothing' : 'valid_rows',
          departmentCode: items.departmentCode === null ? target.departmentCode : null,
          // One key per chosen file: a retried request answers with the first batch instead of running twice.
          idempotencyKey: newIdempotencyKey(),
        },
        {
          onUpload: (loaded, total) => setPhase({ kind: 'uploading', fileName: file.name, loaded, total }),
          onStarted: () =>
            setPhase({
              kind: 'processing',
              fileName: file.name,
              rowsRead: 0,
              accepted: 0,
              rejected: 0,
              phase: 'reading',
            }),
          onProgress: (progress) => setPhase({ kind: 'processing', fileName: file.name, ...progress }),
        },
        controller.signal,
      );
      setPhase({ kind: 'done', batch });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') setPhase({ kind: 'idle' });
      else if (error instanceof BatchStreamError) setPhase({ kind: 'error', title: text(error.text) });
      else setPhase({ kind: 'error', ...describeError(error, t) });
    } finally {
      abort.current = null;
    }
  };

  const again = (
    <Button type="primary" icon={<UploadOutlined />} onClick={() => setPhase({ kind: 'idle' })}>
      {phase.kind === 'done' && phase.batch.rejected > 0 ? t('ingest.upload.uploadFixed') : t('ingest.upload.another')}
    </Button>
  );

  return (
    <>
      <Card className="ingest-page__section">
        <SubmissionTarget items={items} method="file" value={target} onChange={setTarget} disabled={busy} />
        {target.itemCode && (
          <div className="ingest-templates ingest-page__section">
            <Typography.Text strong>{t('ingest.upload.templates')}:</Typography.Text>
            <Button type="link" icon={<DownloadOutlined />} href={templateUrl(target.itemCode, 'xlsx')} download>
              {t('ingest.upload.templateXlsx')}
            </Button>
            <Button type="link" icon={<DownloadOutlined />} href={templateUrl(target.itemCode, 'csv')} download>
              {t('ingest.upload.templateCsv')}
            </Button>
          </div>
        )}
        <Checkbox checked={allOrNothing} disabled={busy} onChange={(event) => setAllOrNothing(event.target.checked)}>
          {t('ingest.upload.allOrNothing')}
        </Checkbox>
        <Typography.Paragraph type="secondary" className="ingest-page__section">
          {t('ingest.upload.allOrNothingHelp')}
        </Typography.Paragraph>
        {(phase.kind === 'idle' || phase.kind === 'error') && (
          <Upload.Dragger
            // No `accept`: it would silently drop a dropped file of another type instead of saying why.
            multiple={false}
            showUploadList={false}
            disabled={!ready}
            beforeUpload={(file) => {
              void start(file);
              return false;
            }}
            data-testid="ingest-dropzone"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {ready ? t('ingest.upload.dropTitle') : t('ingest.upload.chooseItemFirst')}
            </p>
            <p className="ant-upload-hint">{t('ingest.upload.dropHint', { limit: formatBytes(items.uploadLimit) })}</p>
          </Upload.Dragger>
        )}
        {phase.kind === 'error' && (
          <Alert
            type="error"
            showIcon
            role="alert"
            className="ingest-page__section"
            style={{ marginTop: 16 }}
            title={<span data-testid="ingest-upload-error">{phase.title}</span>}
            description={phase.detail}
          />
        )}
        {busy && <UploadProgress phase={phase} onCancel={() => abort.current?.abort()} />}
      </Card>
      {phase.kind === 'done' && (
        <BatchResult
          batch={phase.batch}
          item={item.status === 'success' ? item.data : null}
          actions={
            <>
              {again}
              <Link to={`/ingest/batches/${phase.batch.batchId}`}>{t('ingest.result.viewBatch')}</Link>
            </>
          }
        />
      )}
    </>
  );
}

function UploadProgress({
  phase,
  onCancel,
}: {
  phase: Extract<Phase, { kind: 'uploading' | 'processing' }>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const percent = phase.kind === 'uploading' && phase.total > 0 ? Math.floor((phase.loaded / phase.total) * 100) : 100;
  return (
    <div className="ingest-page__section" data-testid="ingest-progress" aria-live="polite" style={{ marginTop: 16 }}>
      <Typography.Text strong>{t('ingest.upload.uploading', { name: phase.fileName })}</Typography.Text>
      <Progress
        percent={percent}
        aria-label={t('ingest.upload.uploading', { name: phase.fileName })}
        data-testid="ingest-upload-progress"
      />
      {phase.kind === 'uploading' && phase.loaded >= phase.total && (
        <Typography.Text type="secondary">{t('ingest.upload.waiting')}</Typography.Text>
      )}
      {phase.kind === 'processing' && (
        <>
          <Typography.Text strong>{t('ingest.upload.processing')}</Typography.Text>
          <Progress percent={100} status="active" showInfo={false} aria-label={t('ingest.upload.processing')} />
          <div className="ingest-progress__counts" data-testid="ingest-processing-counts">
            {phase.phase === 'committing'
              ? t('ingest.upload.committing')
              : t('ingest.upload.progressCounts', {
                  read: phase.rowsRead,
                  accepted: phase.accepted,
                  rejected: phase.rejected,
                })}
          </div>
        </>
      )}
      <Button onClick={onCancel} disabled={phase.kind === 'processing'} style={{ marginTop: 8 }}>
        {t('ingest.upload.cancel')}
      </Button>
    </div>
  );
}

/** What the platform would refuse anyway, said before the bytes go out. */
function checkFile(file: File, limit: number, t: TFunction): string | null {
  const name = file.name;
  if (/\.xls$/i.test(name)) return t('ingest.upload.xls');
  if (!/\.(csv|xlsx)$/i.test(name)) return t('ingest.upload.badType', { name });
  if (file.size === 0) return t('ingest.upload.empty', { name });
  if (file.size > limit)
    return t('ingest.upload.tooLarge', { name, size: formatBytes(file.size), limit: formatBytes(limit) });
  return null;
}
