import { Alert, Button, Card, Col, Form, Result, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { describeError } from '../../shared/error-message';
import { useApiQuery } from '../../shared/use-api-query';
import { useDocumentTitle } from '../../shared/use-document-title';
import { FieldInput, isRequired, mustBeBlank, toRecord, type FormValues } from './catalog-form-fields';
import {
  fetchCatalogItem,
  submitRecords,
  type Batch,
  type CatalogItem,
  type RowError,
  type SubmittableItems,
} from './ingest-api';
import { useBilingual } from './ingest-text';
import { ItemsUnavailable, SubmissionTarget, useSubmittableItems, type Target } from './submission-target';
import './ingest.css';

/** /console/ingest/entry: one record typed in, checked by the same rules as every import. */
export function EntryPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('ingest.entry.title'));
  const items = useSubmittableItems();
  return (
    <div className="console-page ingest-page">
      <Typography.Title level={1} className="console-page__title">
        {t('ingest.entry.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('ingest.entry.intro')}</Typography.Paragraph>
      {items.status === 'success' ? <Entry items={items.data} /> : <ItemsUnavailable state={items} />}
    </div>
  );
}

function Entry({ items }: { items: SubmittableItems }) {
  const { t } = useTranslation();
  const formItems = items.items.filter((item) => item.collectionMethods.includes('form'));
  const [target, setTarget] = useState<Target>({
    itemCode: formItems.some((i) => i.code === 'ADM_PENALTY') ? 'ADM_PENALTY' : (formItems[0]?.code ?? null),
    departmentCode: items.departmentCode,
  });
  const item = useApiQuery(target.itemCode, (signal) => fetchCatalogItem(target.itemCode!, signal));
  return (
    <>
      <Card className="ingest-page__section">
        <SubmissionTarget items={items} method="form" value={target} onChange={setTarget} />
      </Card>
      {item.status === 'success' ? (
        // Keyed by item: another item is another form, with none of the previous values.
        <RecordForm
          key={item.data.code}
          item={item.data}
          departmentCode={items.departmentCode === null ? target.departmentCode : null}
          ready={target.departmentCode !== null}
        />
      ) : item.status === 'error' ? (
        <Alert type="error" showIcon title={describeError(item.error, t).title} />
      ) : item.status === 'loading' ? (
        <Skeleton active />
      ) : null}
    </>
  );
}

function RecordForm({
  item,
  departmentCode,
  ready,
}: {
  item: CatalogItem;
  departmentCode: string | null;
  ready: boolean;
}) {
  const { t } = useTranslation();
  const { text, label } = useBilingual();
  const [form] = Form.useForm<FormValues>();
  const values: FormValues = Form.useWatch([], form) ?? {};
  const [submitting, setSubmitting] = useState(false);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [failure, setFailure] = useState<{ title: string; detail?: string | undefined } | null>(null);
  const [saved, setSaved] = useState<Batch | null>(null);
  const fields = item.fields.filter((field) => !field.derived);

  const submit = async (raw: FormValues) => {
    setSubmitting(true);
    setFailure(null);
    setRowErrors([]);
    try {
      const batch = await submitRecords(item.code, [toRecord(fields, raw)], departmentCode);
      if (batch.status === 'committed' && batch.rejected === 0) {
        setSaved(batch);
        return;
      }
      if (batch.failure) setFailure({ title: text(batch.failure) });
      // The importer's own messages, at the fields they concern; whole-row problems above the form.
      const atFields = batch.errors.filter((e) => fields.some((f) => f.code === e.field));
      form.setFields(
        [...new Set(atFields.map((e) => e.field))].map((code) => ({
          name: code,
          errors: atFields.filter((e) => e.field === code).map((e) => text(e.reason)),
        })),
      );
      setRowErrors(batch.errors.filter((e) => !atFields.includes(e)));
      if (atFields[0]) form.scrollToField(atFields[0].field, { block: 'center' });
    } catch (error) {
      setFailure(describeError(error, t));
    } finally {
      setSubmitting(false);
    }
  };

  if (saved) {
    const record = saved.records?.[0];
    const message =
      record?.outcome === 'corrected'
        ? t('ingest.entry.successCorrected')
        : record?.outcome === 'unchanged'
          ? t('ingest.entry.successUnchanged')
          : t('ingest.entry.successCreated');
    return (
      <Card>
        <Result
          status="success"
          title={<span data-testid="entry-success">{t('ingest.entry.successTitle')}</span>}
          subTitle={message}
          extra={[
            record && (
              <Link key="open" to={`/records/${record.recordId}`} data-testid="entry-record-link">
                {t('ingest.entry.openRecord')}
              </Link>
            ),
            <Button
              key="again"
              type="primary"
              onClick={() => {
                form.resetFields();
                setSaved(null);
              }}
            >
              {t('ingest.entry.another')}
            </Button>,
          ]}
        />
      </Card>
    );
  }

  return (
    <Card>
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="ingest-page__section"
          title={failure.title}
          description={failure.detail}
        />
      )}
      {rowErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="ingest-page__section"
          title={t('ingest.entry.rowErrors')}
          description={
            <ul>
              {rowErrors.map((e, i) => (
                <li key={i}>{text(e.reason)}</li>
              ))}
            </ul>
          }
        />
      )}
      <Form
        form={form}
        layout="vertical"
        className="ingest-form"
        onFinish={(raw) => void submit(raw)}
        onFinishFailed={({ errorFields }) => {
          const first = errorFields[0];
          if (first) form.scrollToField(first.name, { block: 'center' });
        }}
        scrollToFirstError={false}
      >
        <Row gutter={16}>
          {fields.map((field) => {
            const required = isRequired(field, values);
            const blank = mustBeBlank(field, values);
            const fieldLabel = label(field);
            const wide = field.type === 'text';
            return (
              <Col key={field.code} xs={24} md={wide ? 24 : 12}>
                <Form.Item
                  name={field.code}
                  label={fieldLabel}
                  required={required}
                  tooltip={field.description ?? undefined}
                  extra={field.code}
                  rules={[
                    { required: required && !blank, message: t('ingest.entry.requiredField', { label: fieldLabel }) },
                    ...(field.maxLength && field.type !== 'text'
                      ? [
                          {
                            max: field.maxLength,
                            message: t('ingest.entry.tooLong', { label: fieldLabel, max: field.maxLength }),
                          },
                        ]
                      : []),
                  ]}
                >
                  <FieldInput field={field} disabled={blank} />
                </Form.Item>
              </Col>
            );
          })}
        </Row>
        <div className="ingest-actions">
          <Button type="primary" htmlType="submit" loading={submitting} disabled={!ready}>
            {t('ingest.entry.submit')}
          </Button>
          <Button onClick={() => form.resetFields()}>{t('ingest.entry.reset')}</Button>
        </div>
      </Form>
    </Card>
  );
}
