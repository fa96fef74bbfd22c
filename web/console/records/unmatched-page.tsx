import { Alert, App, Button, Empty, Form, Input, List, Modal, Select, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { describeError, type ErrorMessage } from '../../shared/error-message';
import { useApiQuery } from '../../shared/use-api-query';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useCurrentUser } from '../auth/session-context';
import { RecordTableCard, useCursorPages, useRecordColumns } from './record-table';
import {
  createSubject,
  fetchUnmatched,
  linkSubject,
  searchSubjects,
  type CreditRecordSummary,
  type NewSubject,
  type SubjectKind,
} from './records-api';
import { canCreateSubject, canReview } from './records-permissions';

/** /console/records/unmatched — records no subject could be matched to, and the reviewer's link. */
export function UnmatchedPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('records.unmatched.title'));
  const user = useCurrentUser();
  const { message } = App.useApp();
  const pages = useCursorPages();
  const { cursor } = pages;
  const queue = useApiQuery(`unmatched|${cursor ?? ''}`, (signal) => fetchUnmatched(cursor, signal));
  const [linking, setLinking] = useState<CreditRecordSummary | null>(null);
  const [lastLinked, setLastLinked] = useState<{ record: CreditRecordSummary; subjectName: string } | null>(null);
  const { columns: column } = useRecordColumns();

  const columns: ColumnsType<CreditRecordSummary> = [
    column.recordKey,
    column.subject,
    { ...column.item, responsive: ['md'] },
    column.decisionDate,
    column.department,
    ...(canReview(user)
      ? [
          {
            title: t('records.unmatched.action'),
            key: 'action',
            render: (_: unknown, r: CreditRecordSummary) => (
              <Button
                type="primary"
                size="small"
                onClick={() => setLinking(r)}
                aria-label={t('records.unmatched.linkFor', { name: r.subject.name ?? r.recordKey })}
              >
                {t('records.unmatched.link')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="console-page records">
      <Typography.Title level={1} className="console-page__title">
        {t('records.unmatched.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('records.unmatched.intro')}</Typography.Paragraph>
      {!canReview(user) && <Alert type="info" showIcon title={t('records.unmatched.readOnly')} />}
      {lastLinked && (
        <Alert
          type="success"
          showIcon
          closable
          data-testid="link-result"
          className="records__result"
          title={t('records.unmatched.linked', {
            record: lastLinked.record.recordKey.replaceAll('\u001f', ' / '),
            subject: lastLinked.subjectName,
          })}
          description={<Link to={`/records/${lastLinked.record.id}`}>{t('records.unmatched.openLinked')}</Link>}
          onClose={() => setLastLinked(null)}
        />
      )}
      <RecordTableCard
        query={queue}
        pages={pages}
        columns={columns}
        total={(count) => t('records.unmatched.total', { count })}
        totalTestId="unmatched-total"
        empty={<Empty description={t('records.unmatched.empty')} />}
      />
      {linking && (
        <LinkDialog
          record={linking}
          mayCreate={canCreateSubject(user)}
          onClose={() => setLinking(null)}
          onLinked={(subjectName) => {
            void message.success(t('records.unmatched.linkedShort'));
            setLastLinked({ record: linking, subjectName });
            setLinking(null);
            queue.reload();
          }}
        />
      )}
    </div>
  );
}

const KINDS = ['legal_person', 'other_org', 'individual_business'] as const satisfies readonly SubjectKind[];

function LinkDialog({
  record,
  mayCreate,
  onClose,
  onLinked,
}: {
  record: CreditRecordSummary;
  mayCreate: boolean;
  onClose: () => void;
  onLinked: (subjectName: string) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(record.subject.uscc ?? record.subject.name ?? '');
  const [submitted, setSubmitted] = useState(query);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<ErrorMessage | null>(null);
  const hits = useApiQuery(submitted.trim() ? `subjects:${submitted.trim()}` : null, (signal) =>
    searchSubjects(submitted.trim(), signal),
  );

  const link = async (subjectId: string, name: string) => {
    setBusy(subjectId);
    setFailure(null);
    try {
      await linkSubject(record.id, subjectId);
      onLinked(name);
    } catch (error) {
      setFailure(describeError(error, t));
    } finally {
      setBusy(null);
    }
  };

  const create = async (values: NewSubject) => {
    setBusy('new');
    setFailure(null);
    const body: NewSubject = { kind: values.kind, name: values.name.trim() };
    if (values.uscc?.trim()) body.uscc = values.uscc.trim();
    if (values.registrationNumber?.trim()) body.registrationNumber = values.registrationNumber.trim();
    try {
      const subject = await createSubject(body);
      await linkSubject(record.id, subject.id);
      onLinked(subject.name);
    } catch (error) {
      setFailure(describeError(error, t));
    } finally {
      setBusy(null);
    }
  };

  const searchTab = (
    <div>
      <Form layout="inline" onFinish={() => setSubmitted(query)} className="records__subject-search" role="search">
        <Form.Item label={t('records.unmatched.searchLabel')} htmlFor="subject-search">
          <Input
            id="subject-search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('records.unmatched.searchPlaceholder')}
            maxLength={100}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('records.unmatched.search')}
        </Button>
      </Form>
      {hits.status === 'error' && <Alert type="error" showIcon title={describeError(hits.error, t).title} />}
      <List
        loading={hits.status === 'loading'}
        dataSource={hits.status === 'success' ? hits.data.items : []}
        locale={{ emptyText: submitted.trim() ? t('records.unmatched.noHits') : t('records.unmatched.typeToSearch') }}
        renderItem={(s) => (
          <List.Item
            actions={[
              <Button
                key="link"
                type="primary"
                loading={busy === s.id}
                disabled={busy !== null && busy !== s.id}
                onClick={() => void link(s.id, s.name)}
                aria-label={t('records.unmatched.linkTo', { name: s.name })}
              >
                {t('records.unmatched.linkHere')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={s.name}
              description={[s.kindLabel, s.uscc ?? s.orgCode ?? s.registrationNumber, s.regionName]
                .filter(Boolean)
                .join(' · ')}
            />
          </List.Item>
        )}
      />
    </div>
  );

  const createTab = (
    <Form<NewSubject>
      layout="vertical"
      onFinish={(values) => void create(values)}
      initialValues={{
        kind: record.subject.type === '个体工商户' ? 'individual_business' : 'legal_person',
        name: record.subject.name ?? '',
        uscc: record.subject.uscc ?? '',
        registrationNumber: record.subject.registrationNumber ?? '',
      }}
    >
      <Form.Item name="kind" label={t('records.unmatched.kind')} rules={[{ required: true }]}>
        <Select options={KINDS.map((k) => ({ value: k, label: t(`records.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('records.unmatched.name')}
        rules={[{ required: true, whitespace: true, message: t('records.unmatched.nameRequired') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="uscc" label={t('records.unmatched.uscc')}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="registrationNumber" label={t('records.unmatched.registrationNumber')}>
        <Input maxLength={30} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy === 'new'}>
        {t('records.unmatched.createAndLink')}
      </Button>
    </Form>
  );

  return (
    <Modal
      open
      title={t('records.unmatched.dialogTitle', { name: record.subject.name ?? record.recordKey })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('records.withdraw.cancel')}</Button>}
      width={640}
    >
      <Typography.Paragraph>
        {t('records.unmatched.submittedAs', {
          name: record.subject.name ?? '—',
          code: record.subject.uscc ?? record.subject.registrationNumber ?? record.subject.idNumberMasked ?? '—',
        })}
      </Typography.Paragraph>
      {failure && (
        <Alert type="error" showIcon title={failure.title} description={failure.detail} className="records__result" />
      )}
      <Tabs
        items={[
          { key: 'search', label: t('records.unmatched.tabSearch'), children: searchTab },
          ...(mayCreate ? [{ key: 'create', label: t('records.unmatched.tabCreate'), children: createTab }] : []),
        ]}
      />
      {!mayCreate && <Typography.Paragraph type="secondary">{t('records.unmatched.createHint')}</Typography.Paragraph>}
    </Modal>
  );
}
