import { Alert, Button, Card, Space, Table } from 'antd';
import type { ColumnType, ColumnsType } from 'antd/es/table';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { describeError } from '../../shared/error-message';
import type { QueryState } from '../../shared/use-api-query';
import { useApiQuery } from '../../shared/use-api-query';
import { SubjectCell } from './record-labels';
import {
  fetchCatalogItems,
  fetchDepartments,
  PAGE_SIZE,
  type CreditRecordSummary,
  type RecordPage,
} from './records-api';

/** Cursors of the pages before the current one (the API pages forward only); back to page 1 when `resetKey` changes. */
export function useCursorPages(resetKey = '') {
  const [cursors, setCursors] = useState<string[]>([]);
  useEffect(() => setCursors([]), [resetKey]);
  return {
    cursor: cursors[cursors.length - 1],
    pageNumber: cursors.length + 1,
    previous: cursors.length > 0 ? () => setCursors((c) => c.slice(0, -1)) : undefined,
    next: (cursor: string) => setCursors((c) => [...c, cursor]),
  };
}

type Column = ColumnType<CreditRecordSummary>;

/**
 * The columns both record lists show, with catalog items and departments by
 * name in the interface language (the codes are what the API returns); the
 * lists themselves are returned too, for the filters.
 */
export function useRecordColumns() {
  const { t, i18n } = useTranslation();
  const items = useApiQuery('catalog-items', (signal) => fetchCatalogItems(signal));
  const departments = useApiQuery('departments', (signal) => fetchDepartments(signal));
  const named = (list: Array<{ code: string; nameZh: string; nameEn: string }>, code: string) => {
    const found = list.find((entry) => entry.code === code);
    return found ? (i18n.language === 'en' ? found.nameEn : found.nameZh) : code;
  };
  const columns: Record<'recordKey' | 'subject' | 'item' | 'decisionDate' | 'department', Column> = {
    recordKey: {
      title: t('records.columns.recordKey'),
      dataIndex: 'recordKey',
      render: (_: unknown, r) => <Link to={`/records/${r.id}`}>{r.recordKey.replaceAll('\u001f', ' / ')}</Link>,
    },
    subject: {
      title: t('records.columns.subject'),
      key: 'subject',
      render: (_: unknown, r) => <SubjectCell record={r} />,
    },
    item: {
      title: t('records.columns.item'),
      dataIndex: 'itemCode',
      render: (code: string) => named(items.status === 'success' ? items.data.items : [], code),
    },
    decisionDate: {
      title: t('records.columns.decisionDate'),
      dataIndex: 'decisionDate',
      render: (d: string | null) => d ?? '—',
    },
    department: {
      title: t('records.columns.department'),
      dataIndex: 'departmentCode',
      responsive: ['lg'],
      render: (code: string) => named(departments.status === 'success' ? departments.data.items : [], code),
    },
  };
  return { columns, items, departments };
}

/** A page of records: the count, the table and the pager, or what went wrong with a retry. */
export function RecordTableCard(props: {
  query: QueryState<RecordPage> & { reload: () => void };
  pages: ReturnType<typeof useCursorPages>;
  columns: ColumnsType<CreditRecordSummary>;
  total: (count: number) => string;
  totalTestId: string;
  empty: ReactNode;
}) {
  const { t } = useTranslation();
  const { query, pages } = props;
  if (query.status === 'error') {
    const message = describeError(query.error, t);
    return (
      <Alert
        type="error"
        showIcon
        title={message.title}
        description={message.detail}
        action={<Button onClick={query.reload}>{t('common.retry')}</Button>}
      />
    );
  }
  const page = query.status === 'success' ? query.data : null;
  return (
    <Card>
      <p className="records__count" data-testid={props.totalTestId} aria-live="polite">
        {page ? props.total(page.total) : t('common.loading')}
      </p>
      <Table<CreditRecordSummary>
        rowKey="id"
        columns={props.columns}
        dataSource={page?.items ?? []}
        loading={query.status === 'loading'}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: props.empty }}
      />
      <Space className="records__pager" wrap>
        <Button disabled={!pages.previous} onClick={pages.previous}>
          {t('records.previous')}
        </Button>
        <span>
          {page
            ? t('records.pageOf', { page: pages.pageNumber, pages: Math.max(1, Math.ceil(page.total / PAGE_SIZE)) })
            : ''}
        </span>
        <Button disabled={!page?.nextCursor} onClick={() => page?.nextCursor && pages.next(page.nextCursor)}>
          {t('records.next')}
        </Button>
      </Space>
    </Card>
  );
}
