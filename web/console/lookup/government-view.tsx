import { AuditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/error-message';
import { useApiQuery } from '../../shared/use-api-query';
import { fetchSubjectRecords, fetchSubjectVersions } from './lookup-api';
import type { LookupOutcome } from './purpose-dialog';

/** The government view of one subject, shown after an audited look-up. */
export function GovernmentView({ outcome }: { outcome: LookupOutcome }) {
  const { t } = useTranslation();
  const { subject } = outcome;
  const [showFullId, setShowFullId] = useState(false);
  const versions = useApiQuery(`versions:${subject.id}`, (signal) => fetchSubjectVersions(subject.id, signal));
  const records = useApiQuery(`records:${subject.id}`, (signal) => fetchSubjectRecords(subject.id, signal));
  const dash = '—';

  return (
    <section aria-labelledby="government-view-title" data-testid="government-view" className="lookup__result">
      <Card>
        <Typography.Title level={2} id="government-view-title" className="lookup__name">
          {subject.name}
        </Typography.Title>
        <Alert
          type="success"
          showIcon
          icon={<AuditOutlined />}
          data-testid="lookup-audited"
          title={t('lookup.view.audited', { purpose: outcome.purpose, caseNumber: outcome.caseNumber })}
          className="lookup__notice"
        />
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'kind', label: t('lookup.view.kind'), children: subject.kindLabel },
            { key: 'status', label: t('lookup.view.status'), children: subject.status },
            { key: 'uscc', label: t('lookup.view.uscc'), children: subject.uscc ?? dash },
            { key: 'orgCode', label: t('lookup.view.orgCode'), children: subject.orgCode ?? dash },
            {
              key: 'registrationNumber',
              label: t('lookup.view.registrationNumber'),
              children: subject.registrationNumber ?? dash,
            },
            ...(subject.kind === 'natural_person'
              ? [
                  {
                    key: 'idNumber',
                    label: t('lookup.view.idNumber'),
                    // Minimum necessary: masked until the officer asks for the full number, which the
                    // audited look-up allows (the server returned it because a purpose was stated).
                    children: (
                      <span>
                        <span data-testid="id-number">
                          {showFullId ? (subject.idNumber ?? dash) : (subject.idNumberMasked ?? dash)}
                        </span>{' '}
                        {subject.idNumber && (
                          <Button size="small" type="link" onClick={() => setShowFullId((shown) => !shown)}>
                            {showFullId ? t('lookup.view.hideId') : t('lookup.view.showId')}
                          </Button>
                        )}
                      </span>
                    ),
                  },
                ]
              : []),
            {
              key: 'legalRepresentative',
              label: t('lookup.view.legalRepresentative'),
              children: subject.legalRepresentative ?? dash,
            },
            { key: 'region', label: t('lookup.view.region'), children: subject.regionName ?? dash },
            {
              key: 'industry',
              label: t('lookup.view.industry'),
              children: subject.industryName ? `${subject.industrySection} ${subject.industryName}` : dash,
            },
            { key: 'established', label: t('lookup.view.established'), children: subject.establishedOn ?? dash },
            { key: 'version', label: t('lookup.view.version'), children: subject.version },
          ]}
        />
      </Card>

      <Card title={<h3 className="lookup__card-title">{t('lookup.view.formerNames')}</h3>}>
        {subject.formerNames.length === 0 && subject.legacyCodes.length === 0 ? (
          <Empty description={t('lookup.view.noFormerNames')} />
        ) : (
          <ul className="lookup__list">
            {subject.formerNames.map((n) => (
              <li key={`${n.name}-${n.validFrom ?? ''}`}>
                {n.name}{' '}
                <Typography.Text type="secondary">
                  {n.validFrom ?? '…'} – {n.validTo ?? '…'}
                </Typography.Text>
              </li>
            ))}
            {subject.legacyCodes.map((c) => (
              <li key={`${c.kind}-${c.value}`}>
                <Tag>{c.kind === 'org_code' ? t('lookup.view.orgCode') : t('lookup.view.registrationNumber')}</Tag>
                {c.value}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={<h3 className="lookup__card-title">{t('lookup.view.records')}</h3>}>
        <Typography.Paragraph type="secondary">{t('lookup.view.recordsScope')}</Typography.Paragraph>
        {records.status === 'error' ? (
          <Alert type="warning" showIcon title={describeError(records.error, t).title} />
        ) : (
          <Table
            size="small"
            rowKey="id"
            loading={records.status === 'loading'}
            scroll={{ x: true }}
            pagination={false}
            dataSource={records.status === 'success' ? records.data.items : []}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lookup.view.noRecords')} />,
            }}
            columns={[
              { key: 'item', title: t('lookup.view.recordItem'), dataIndex: 'itemCode' },
              { key: 'key', title: t('lookup.view.recordKey'), dataIndex: 'recordKey' },
              { key: 'department', title: t('lookup.view.recordDepartment'), dataIndex: 'departmentCode' },
              { key: 'date', title: t('lookup.view.recordDate'), dataIndex: 'decisionDate' },
              { key: 'status', title: t('lookup.view.recordStatus'), dataIndex: 'status' },
              {
                key: 'published',
                title: t('lookup.view.recordPublished'),
                render: (_: unknown, r) => r.publication.publishedAt?.slice(0, 10) ?? t('lookup.view.notPublished'),
              },
            ]}
          />
        )}
      </Card>

      <Card title={<h3 className="lookup__card-title">{t('lookup.view.versions')}</h3>}>
        {versions.status === 'error' ? (
          <Alert type="warning" showIcon title={describeError(versions.error, t).title} />
        ) : (
          <Table
            size="small"
            rowKey="version"
            loading={versions.status === 'loading'}
            pagination={false}
            scroll={{ x: true }}
            dataSource={versions.status === 'success' ? versions.data.items : []}
            columns={[
              { key: 'version', title: t('lookup.view.version'), dataIndex: 'version' },
              { key: 'change', title: t('lookup.view.change'), dataIndex: 'change' },
              { key: 'at', title: t('lookup.view.changedAt'), dataIndex: 'changedAt' },
              { key: 'by', title: t('lookup.view.changedBy'), dataIndex: 'changedBy' },
            ]}
          />
        )}
      </Card>
    </section>
  );
}
