import { Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useApiQuery } from '../../shared/use-api-query';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useCurrentUser } from '../auth/session-context';
import { StatusTag, TimelinessTag } from './record-labels';
import { RecordTableCard, useCursorPages, useRecordColumns } from './record-table';
import {
  fetchRecords,
  RECORD_STATUSES,
  TIMELINESS,
  type CreditRecordSummary,
  type RecordFilters,
  type RecordStatus,
  type Timeliness,
} from './records-api';
import { seesAllDepartments } from './records-permissions';

const FILTER_KEYS = [
  'departmentCode',
  'itemCode',
  'status',
  'timeliness',
  'decidedFrom',
  'decidedTo',
  'subject',
] as const;

function filtersFrom(params: URLSearchParams): RecordFilters {
  const value = (key: string) => params.get(key)?.trim() || undefined;
  const status = value('status');
  const timeliness = value('timeliness');
  return {
    departmentCode: value('departmentCode'),
    itemCode: value('itemCode'),
    status: RECORD_STATUSES.includes(status as RecordStatus) ? (status as RecordStatus) : undefined,
    timeliness: TIMELINESS.includes(timeliness as Timeliness) ? (timeliness as Timeliness) : undefined,
    decidedFrom: value('decidedFrom'),
    decidedTo: value('decidedTo'),
    subject: value('subject'),
  };
}

/** /console/records: the department's records (all departments for the credit office), filtered and paged. */
export function RecordsListPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('records.title'));
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const filterKey = JSON.stringify(filters);
  const pages = useCursorPages(filterKey);
  const { cursor } = pages;
  const records = useApiQuery(`${filterKey}|${cursor ?? ''}`, (signal) => fetchRecords(filters, cursor, signal));
  const { columns: column, items, departments } = useRecordColumns();
  const office = seesAllDepartments(useCurrentUser());

  const [form] = Form.useForm<RecordFilters>();
  useEffect(
    () => form.setFieldsValue({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])), ...filters }),
    [form, filters],
  );

  const apply = (values: RecordFilters) => {
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const v = values[key]?.toString().trim();
      if (v) next.set(key, v);
    }
    setParams(next);
  };

  const columns: ColumnsType<CreditRecordSummary> = [
    column.recordKey,
    column.item,
    column.subject,
    column.decisionDate,
    column.department,
    { title: t('records.columns.status'), dataIndex: 'status', render: (s: RecordStatus) => <StatusTag status={s} /> },
    {
      title: t('records.columns.timeliness'),
      key: 'timeliness',
      render: (_: unknown, r) => <TimelinessTag timeliness={r.publication.timeliness} />,
    },
    {
      title: t('records.columns.deadline'),
      key: 'deadline',
      responsive: ['md'],
      render: (_: unknown, r) => r.publication.deadline ?? '—',
    },
  ];

  return (
    <div className="console-page records">
      <Typography.Title level={1} className="console-page__title">
        {t('records.title')}
      </Typography.Title>
      <Card className="records__filters">
        <Form form={form} layout="vertical" onFinish={apply} aria-label={t('records.filters.label')}>
          <div className="records__filter-grid">
            {office && (
              <Form.Item name="departmentCode" label={t('records.filters.department')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('records.filters.any')}
                  options={(departments.status === 'success' ? departments.data.items : []).map((d) => ({
                    value: d.code,
                    label: i18n.language === 'en' ? d.nameEn : d.nameZh,
                  }))}
                />
              </Form.Item>
            )}
            <Form.Item name="itemCode" label={t('records.filters.item')}>
              <Select
                allowClear
                placeholder={t('records.filters.any')}
                loading={items.status === 'loading'}
                options={(items.status === 'success' ? items.data.items : []).map((i) => ({
                  value: i.code,
                  label: i18n.language === 'en' ? i.nameEn : i.nameZh,
                }))}
              />
            </Form.Item>
            <Form.Item name="status" label={t('records.filters.status')}>
              <Select
                allowClear
                placeholder={t('records.filters.any')}
                options={RECORD_STATUSES.map((s) => ({ value: s, label: t(`records.status.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="timeliness" label={t('records.filters.timeliness')}>
              <Select
                allowClear
                placeholder={t('records.filters.any')}
                options={TIMELINESS.map((s) => ({ value: s, label: t(`records.timeliness.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="decidedFrom" label={t('records.filters.decidedFrom')}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="decidedTo" label={t('records.filters.decidedTo')}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="subject" label={t('records.filters.subject')}>
              <Input allowClear placeholder={t('records.filters.subjectPlaceholder')} maxLength={100} />
            </Form.Item>
          </div>
          <Space wrap>
            <Button type="primary" htmlType="submit">
              {t('records.filters.apply')}
            </Button>
            <Button onClick={() => setParams(new URLSearchParams())}>{t('records.filters.reset')}</Button>
          </Space>
        </Form>
      </Card>

      <RecordTableCard
        query={records}
        pages={pages}
        columns={columns}
        total={(count) => t('records.total', { count })}
        totalTestId="records-total"
        empty={t('records.empty')}
      />
    </div>
  );
}
