import { Alert, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/error-message';
import { useApiQuery } from '../../shared/use-api-query';
import { fetchBatchErrors, type CatalogItem, type RowError } from './ingest-api';
import { useBilingual } from './ingest-text';

/**
 * Every error of a batch's rejected rows, loaded from the platform (up to
 * MAX_TABLE_ERRORS), sortable by row and field and paged in the browser.
 */
export function BatchErrorTable({ batchId, item }: { batchId: string; item: CatalogItem | null }) {
  const { t } = useTranslation();
  const errors = useApiQuery(batchId, (signal) => fetchBatchErrors(batchId, signal));
  if (errors.status === 'error') return <Alert type="error" showIcon title={describeError(errors.error, t).title} />;
  const loading = errors.status !== 'success';
  return (
    <>
      {errors.status === 'success' && !errors.data.complete && (
        <Alert
          type="info"
          showIcon
          className="ingest-page__section"
          title={t('ingest.errors.truncated', { shown: errors.data.items.length, total: errors.data.rejectedRows })}
        />
      )}
      <ErrorTable errors={errors.status === 'success' ? errors.data.items : []} item={item} loading={loading} />
    </>
  );
}

export function ErrorTable({
  errors,
  item,
  loading = false,
}: {
  errors: readonly RowError[];
  item: CatalogItem | null;
  loading?: boolean;
}) {
  const { t } = useTranslation();
  const { text, label } = useBilingual();
  const fieldLabel = (error: RowError) => {
    if (error.field === '*') return t('ingest.errors.wholeRow');
    const field = item?.fields.find((f) => f.code === error.field);
    return field ? label(field) : error.label;
  };
  const columns: ColumnsType<RowError & { key: string }> = [
    {
      title: t('ingest.errors.row'),
      dataIndex: 'row',
      width: 80,
      sorter: (a, b) => a.row - b.row,
      defaultSortOrder: 'ascend',
    },
    {
      title: t('ingest.errors.field'),
      key: 'field',
      width: 200,
      sorter: (a, b) => fieldLabel(a).localeCompare(fieldLabel(b)),
      render: (_, error) => (
        <>
          {fieldLabel(error)}
          {error.field !== '*' && (
            <Typography.Text type="secondary" className="ingest-error__code">
              {' '}
              {error.field}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('ingest.errors.value'),
      dataIndex: 'value',
      width: 200,
      ellipsis: true,
    },
    {
      title: t('ingest.errors.reason'),
      key: 'reason',
      render: (_, error) => text(error.reason),
    },
  ];
  return (
    <Table
      data-testid="ingest-errors"
      size="small"
      rowKey="key"
      loading={loading}
      columns={columns}
      dataSource={errors.map((error, index) => ({ ...error, key: `${error.row}:${error.field}:${index}` }))}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
      scroll={{ x: 720 }}
      locale={{ emptyText: t('ingest.errors.empty') }}
    />
  );
}
