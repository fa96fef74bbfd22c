import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Result,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../shared/api';
import { describeError } from '../../shared/error-message';
import { useApiQuery } from '../../shared/use-api-query';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useCurrentUser } from '../auth/session-context';
import { formatInstant, StatusTag, subjectCode, TimelinessTag } from './record-labels';
import { fetchCatalogItem, fetchRecord, withdrawRecord, type CatalogField, type RecordDetail } from './records-api';
import { canWithdraw } from './records-permissions';
import { RecordVersions } from './record-versions';

/** Today in Asia/Shanghai (legal dates are Beijing dates). */
export function shanghaiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** /console/records/:id — one record, its publication window, withdrawal and every version with provenance. */
export function RecordDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const record = useApiQuery(`record:${id}`, (signal) => fetchRecord(id, signal));
  const data = record.status === 'success' ? record.data : null;
  const item = useApiQuery(data ? `${data.itemCode}@${data.itemVersion}` : null, (signal) =>
    fetchCatalogItem(data!.itemCode, data!.itemVersion, signal),
  );
  useDocumentTitle(data ? `${t('records.detail.title')} ${data.recordKey}` : t('records.detail.title'));

  return (
    <div className="console-page records">
      <Link to="/records" className="records__back">
        <ArrowLeftOutlined /> {t('records.detail.back')}
      </Link>
      <Typography.Title level={1} className="console-page__title">
        {t('records.detail.title')}
        {data ? ` ${data.recordKey.replaceAll('\u001f', ' / ')}` : ''}
      </Typography.Title>
      {record.status === 'loading' && <Skeleton active />}
      {record.status === 'error' &&
        (isApiError(record.error) && record.error.status === 404 ? (
          <Result status="404" title={t('records.detail.notFound')} subTitle={t('records.detail.notFoundHint')} />
        ) : (
          <Alert
            type="error"
            showIcon
            title={describeError(record.error, t).title}
            description={describeError(record.error, t).detail}
            action={<Button onClick={record.reload}>{t('common.retry')}</Button>}
          />
        ))}
      {data && (
        <RecordBody
          record={data}
          fields={item.status === 'success' ? item.data.fields : []}
          itemName={item.status === 'success' ? item.data : null}
          onChanged={record.reload}
        />
      )}
    </div>
  );
}

function RecordBody({
  record,
  fields,
  itemName,
  onChanged,
}: {
  record: RecordDetail;
  fields: CatalogField[];
  itemName: { nameZh: string; nameEn: string } | null;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const today = shanghaiToday();
  const { publication, withdrawal } = record;
  const deadlineState = (() => {
    if (publication.publishedAt) return t(`records.detail.deadlineState.published_${publication.timeliness ?? 'none'}`);
    if (!publication.deadline) return t('records.detail.deadlineState.notDue');
    if (record.status !== 'active') return t('records.detail.deadlineState.notPublished');
    return publication.deadline < today
      ? t('records.detail.deadlineState.overdue', { deadline: publication.deadline })
      : t('records.detail.deadlineState.pending', { deadline: publication.deadline });
  })();

  return (
    <Space orientation="vertical" size="large" className="records__stack">
      <Card title={t('records.detail.summary')}>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            {
              key: 'item',
              label: t('records.columns.item'),
              children: itemName ? (i18n.language === 'en' ? itemName.nameEn : itemName.nameZh) : record.itemCode,
            },
            { key: 'department', label: t('records.columns.department'), children: record.departmentCode },
            {
              key: 'subject',
              label: t('records.columns.subject'),
              children: (
                <span>
                  {record.subject.name ?? t('records.noName')}
                  {subjectCode(record.subject) && (
                    <span className="records__code"> {subjectCode(record.subject)}</span>
                  )}{' '}
                  {record.subject.id ? (
                    <Tag>{t(`records.match.${record.subject.matchMethod ?? 'manual'}`)}</Tag>
                  ) : (
                    <Tag color="gold">{t('records.unmatchedTag')}</Tag>
                  )}
                </span>
              ),
            },
            { key: 'decision', label: t('records.columns.decisionDate'), children: record.decisionDate ?? '—' },
            {
              key: 'class',
              label: t('records.detail.class'),
              children: record.class ? t(`records.class.${record.class}`) : '—',
            },
            { key: 'status', label: t('records.columns.status'), children: <StatusTag status={record.status} /> },
            { key: 'version', label: t('records.detail.version'), children: record.version },
          ]}
        />
      </Card>

      <Card title={t('records.detail.publication')}>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            {
              key: 'timeliness',
              label: t('records.columns.timeliness'),
              children: <TimelinessTag timeliness={publication.timeliness} />,
            },
            {
              key: 'deadline',
              label: t('records.columns.deadline'),
              children: (
                <span data-testid="publication-deadline">
                  {publication.deadline ?? '—'} <Typography.Text type="secondary">{deadlineState}</Typography.Text>
                </span>
              ),
            },
            {
              key: 'published',
              label: t('records.detail.publishedAt'),
              children: formatInstant(publication.publishedAt, i18n.language),
            },
            {
              key: 'window',
              label: t('records.detail.window'),
              children: t('records.detail.windowValue', {
                from: publication.publishedAt
                  ? formatInstant(publication.publishedAt, i18n.language).slice(0, 10)
                  : '—',
                to: publication.maxEnd ?? t('records.detail.noEnd'),
              }),
            },
            { key: 'minEnd', label: t('records.detail.minEnd'), children: publication.minEnd ?? '—' },
            {
              key: 'ended',
              label: t('records.detail.endedAt'),
              children: formatInstant(publication.endedAt, i18n.language),
            },
          ]}
        />
      </Card>

      {withdrawal && (
        <Card title={t('records.detail.withdrawal')} data-testid="withdrawal">
          <Descriptions
            column={{ xs: 1, sm: 1, md: 2 }}
            items={[
              { key: 'revokedOn', label: t('records.withdraw.revokedOn'), children: withdrawal.revokedOn },
              { key: 'reason', label: t('records.withdraw.reason'), children: withdrawal.reason ?? '—' },
              {
                key: 'deadline',
                label: t('records.detail.withdrawalDeadline'),
                children: <span data-testid="withdrawal-deadline">{withdrawal.deadline ?? '—'}</span>,
              },
              {
                key: 'at',
                label: t('records.detail.withdrawnAt'),
                children: formatInstant(withdrawal.withdrawnAt, i18n.language),
              },
              {
                key: 'timeliness',
                label: t('records.columns.timeliness'),
                children: withdrawal.timeliness ? (
                  <Tag color={withdrawal.timeliness === 'on_time' ? 'green' : 'orange'}>
                    {t(`records.withdrawalTimeliness.${withdrawal.timeliness}`)}
                  </Tag>
                ) : (
                  '—'
                ),
              },
            ]}
          />
          <Typography.Paragraph type="secondary">{t('records.detail.withdrawalRule')}</Typography.Paragraph>
        </Card>
      )}

      {canWithdraw(user) && record.status !== 'withdrawn' && <WithdrawAction record={record} onDone={onChanged} />}

      <RecordVersions record={record} fields={fields} />
    </Space>
  );
}

interface WithdrawForm {
  reason: string;
  revokedOn: string;
}

function WithdrawAction({ record, onDone }: { record: RecordDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ title: string; detail: string | undefined } | null>(null);
  const [form] = Form.useForm<WithdrawForm>();
  const today = shanghaiToday();

  const submit = (values: WithdrawForm) => {
    modal.confirm({
      title: t('records.withdraw.confirmTitle'),
      content: t('records.withdraw.confirmBody', { revokedOn: values.revokedOn }),
      okText: t('records.withdraw.confirmOk'),
      okButtonProps: { danger: true, className: 'records__danger-solid' },
      cancelText: t('records.withdraw.cancel'),
      onOk: async () => {
        setBusy(true);
        setFailure(null);
        try {
          const done = await withdrawRecord(record.id, { reason: values.reason.trim(), revokedOn: values.revokedOn });
          setOpen(false);
          form.resetFields();
          void message.success(t('records.withdraw.done', { deadline: done.withdrawal?.deadline ?? '—' }));
          onDone();
        } catch (error) {
          setFailure(describeError(error, t));
        } finally {
          setBusy(false);
        }
      },
    });
  };

  return (
    <Card title={t('records.withdraw.title')}>
      <Typography.Paragraph>{t('records.withdraw.explain')}</Typography.Paragraph>
      <Button danger className="records__danger" onClick={() => setOpen(true)}>
        {t('records.withdraw.open')}
      </Button>
      <Modal
        open={open}
        title={t('records.withdraw.title')}
        okText={t('records.withdraw.submit')}
        cancelText={t('records.withdraw.cancel')}
        confirmLoading={busy}
        okButtonProps={{ danger: true, className: 'records__danger-solid' }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {failure && <Alert type="error" showIcon title={failure.title} description={failure.detail} />}
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ revokedOn: today }}>
          <Form.Item
            name="revokedOn"
            label={t('records.withdraw.revokedOn')}
            extra={t('records.withdraw.revokedOnHint')}
            rules={[
              { required: true, message: t('records.withdraw.revokedOnRequired') },
              {
                validator: (_, value: string) =>
                  value && value > today
                    ? Promise.reject(new Error(t('records.withdraw.revokedOnFuture')))
                    : Promise.resolve(),
              },
            ]}
          >
            <Input type="date" max={today} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('records.withdraw.reason')}
            rules={[{ required: true, whitespace: true, message: t('records.withdraw.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('records.withdraw.reasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
