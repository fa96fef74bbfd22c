import { Button, Form, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/use-api-query';
import { AdminPage, ErrorAlert, formatTime } from './admin-common';
import { fetchAudit, fetchUsers, type AuditEntry } from './admin-api';

interface AuditFilter {
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
  beforeSeq?: number;
}

/**
 * The audit log, newest first (audit.read): a department admin sees the
 * entries of their own department's people, the credit office everything.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [pages, setPages] = useState<number[]>([]);
  const entries = useApiQuery(`audit:${JSON.stringify(filter)}`, (signal) => fetchAudit(filter, signal));
  const users = useApiQuery('users', fetchUsers);
  const [form] = Form.useForm<{ action?: string; actorId?: string; from?: string; to?: string }>();
  const items = entries.status === 'success' ? entries.data.items : [];
  const last = items[items.length - 1];

  return (
    <AdminPage title={t('admin.audit.title')} intro={t('admin.audit.intro')}>
      <Form
        form={form}
        layout="inline"
        className="admin__filters"
        onFinish={(values) => {
          setPages([]);
          setFilter({
            ...(values.action?.trim() ? { action: values.action.trim() } : {}),
            ...(values.actorId ? { actorId: values.actorId } : {}),
            ...(values.from ? { from: values.from } : {}),
            ...(values.to ? { to: values.to } : {}),
          });
        }}
      >
        <Form.Item name="action" label={t('admin.audit.action')} htmlFor="audit-action">
          <Input id="audit-action" placeholder="subject.lookup.government" allowClear style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="actorId" label={t('admin.audit.actor')} htmlFor="audit-actor">
          <Select
            id="audit-actor"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            options={(users.status === 'success' ? users.data.items : []).map((u) => ({
              value: u.id,
              label: `${u.displayName} (${u.username})`,
            }))}
          />
        </Form.Item>
        <Form.Item name="from" label={t('admin.audit.from')} htmlFor="audit-from">
          <Input id="audit-from" type="date" />
        </Form.Item>
        <Form.Item
          name="to"
          label={t('admin.audit.to')}
          htmlFor="audit-to"
          dependencies={['from']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, to?: string) => {
                const from = getFieldValue('from') as string | undefined;
                return !from || !to || from <= to
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('admin.audit.rangeInvalid')));
              },
            }),
          ]}
        >
          <Input id="audit-to" type="date" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('admin.audit.apply')}
          </Button>
        </Form.Item>
      </Form>
      {entries.status === 'error' && <ErrorAlert error={entries.error} onRetry={entries.reload} />}
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        scroll={{ x: true }}
        loading={entries.status === 'loading'}
        dataSource={items}
        pagination={false}
        data-testid="audit-table"
        expandable={{
          expandedRowRender: (entry) => (
            <Typography.Paragraph className="admin__json">
              <pre>{JSON.stringify(entry.detail, null, 2)}</pre>
            </Typography.Paragraph>
          ),
        }}
        columns={[
          { key: 'seq', title: '#', dataIndex: 'seq' },
          { key: 'at', title: t('admin.audit.at'), render: (_, e) => formatTime(e.at) },
          { key: 'actor', title: t('admin.audit.actor'), dataIndex: 'actorName' },
          { key: 'action', title: t('admin.audit.action'), dataIndex: 'action' },
          {
            key: 'target',
            title: t('admin.audit.target'),
            render: (_, e) => (e.targetType ? `${e.targetType} ${e.targetId ?? ''}` : '—'),
          },
          { key: 'purpose', title: t('admin.audit.purpose'), render: (_, e) => e.purpose ?? '—' },
          { key: 'case', title: t('admin.audit.caseNumber'), render: (_, e) => e.caseNumber ?? '—' },
        ]}
      />
      <div className="admin__pager">
        <Button
          disabled={pages.length === 0}
          onClick={() => {
            const previous = pages.slice(0, -1);
            setPages(previous);
            const before = previous[previous.length - 1];
            setFilter(({ beforeSeq: _ignored, ...rest }) => (before ? { ...rest, beforeSeq: before } : rest));
          }}
        >
          {t('admin.audit.newer')}
        </Button>
        <Button
          disabled={!last || items.length < 50}
          onClick={() => {
            if (!last) return;
            setPages((p) => [...p, last.seq]);
            setFilter((f) => ({ ...f, beforeSeq: last.seq }));
          }}
        >
          {t('admin.audit.older')}
        </Button>
      </div>
    </AdminPage>
  );
}
