import { Button, Descriptions, Drawer, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/use-api-query';
import { ErrorAlert, formatTime } from './admin-common';
import { fetchCatalogItem, fetchCatalogVersions, type CatalogVersion } from './admin-api';

/** Every version of an item, newest first; any one can be opened read-only. */
export function CatalogVersions({ code }: { code: string }) {
  const { t } = useTranslation();
  const versions = useApiQuery(`catalog-versions:${code}`, (signal) => fetchCatalogVersions(code, signal));
  const [open, setOpen] = useState<number | null>(null);

  return (
    <>
      {versions.status === 'error' && <ErrorAlert error={versions.error} onRetry={versions.reload} />}
      <Table<CatalogVersion>
        rowKey="version"
        size="small"
        scroll={{ x: true }}
        data-testid="catalog-versions"
        loading={versions.status === 'loading'}
        dataSource={versions.status === 'success' ? versions.data.items : []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { key: 'version', title: t('admin.catalog.version'), dataIndex: 'version' },
          {
            key: 'kind',
            title: t('admin.catalog.changeKind'),
            render: (_, v) => <Tag>{t(`admin.catalog.changeKinds.${v.changeKind as 'create'}`, v.changeKind)}</Tag>,
          },
          { key: 'note', title: t('admin.catalog.changeNote'), render: (_, v) => v.changeNote ?? '—' },
          { key: 'at', title: t('admin.catalog.changedAt'), render: (_, v) => formatTime(v.createdAt) },
          { key: 'by', title: t('admin.catalog.changedBy'), dataIndex: 'createdBy' },
          {
            key: 'open',
            title: t('admin.actions'),
            render: (_, v) => (
              <Button
                size="small"
                onClick={() => setOpen(v.version)}
                aria-label={t('admin.catalog.viewVersion', { version: v.version })}
              >
                {t('admin.catalog.view')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open !== null ? t('admin.catalog.viewVersion', { version: open }) : ''}
        size="large"
      >
        {open !== null && <VersionDetail code={code} version={open} />}
      </Drawer>
    </>
  );
}

function VersionDetail({ code, version }: { code: string; version: number }) {
  const { t } = useTranslation();
  const item = useApiQuery(`catalog-item:${code}:${version}`, (signal) => fetchCatalogItem(code, version, signal));
  if (item.status === 'error') return <ErrorAlert error={item.error} onRetry={item.reload} />;
  if (item.status !== 'success') return null;
  const v = item.data;
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      items={[
        { key: 'nameZh', label: t('admin.catalog.nameZh'), children: v.nameZh },
        { key: 'nameEn', label: t('admin.catalog.nameEn'), children: v.nameEn },
        {
          key: 'disclosure',
          label: t('admin.catalog.disclosure'),
          children: t(`admin.catalog.disclosures.${v.disclosure}`),
        },
        {
          key: 'period',
          label: t('admin.catalog.periodRule'),
          children: t(`admin.catalog.periodKinds.${v.publicationPeriod.kind}`),
        },
        {
          key: 'sharing',
          label: t('admin.catalog.sharingType'),
          children: t(`admin.catalog.sharingTypes.${v.sharing.type}`),
        },
        {
          key: 'fields',
          label: t('admin.catalog.fields'),
          children: v.fields.map((f) => `${f.code} ${f.labelZh}${f.required ? ' *' : ''}`).join('、'),
        },
        { key: 'note', label: t('admin.catalog.changeNote'), children: v.changeNote ?? '—' },
      ]}
    />
  );
}
