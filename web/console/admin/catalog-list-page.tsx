import { Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../../shared/use-api-query';
import { AdminPage, ErrorAlert, formatTime } from './admin-common';
import { fetchCatalogCategories, fetchCatalogItems, type CatalogSummary } from './admin-api';

/** Every collection catalog item, with its disclosure, status and version; each opens the editor. */
export function CatalogListPage() {
  const { t, i18n } = useTranslation();
  const items = useApiQuery('catalog-items', fetchCatalogItems);
  const categories = useApiQuery('catalog-categories', fetchCatalogCategories);
  const [text, setText] = useState('');
  const [category, setCategory] = useState<string | undefined>(undefined);
  const en = i18n.language === 'en';
  const categoryName = new Map(
    (categories.status === 'success' ? categories.data.items : []).map((c) => [c.code, en ? c.nameEn : c.nameZh]),
  );
  const needle = text.trim().toLowerCase();
  const shown = (items.status === 'success' ? items.data.items : []).filter(
    (item) =>
      (!category || item.category === category) &&
      (!needle || `${item.code} ${item.nameZh} ${item.nameEn}`.toLowerCase().includes(needle)),
  );

  return (
    <AdminPage title={t('admin.catalog.title')} intro={t('admin.catalog.intro')}>
      {items.status === 'error' && <ErrorAlert error={items.error} onRetry={items.reload} />}
      <Space wrap className="admin__filters">
        <Input
          aria-label={t('admin.catalog.filter')}
          placeholder={t('admin.catalog.filter')}
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 260 }}
        />
        <Select
          aria-label={t('admin.catalog.category')}
          placeholder={t('admin.catalog.allCategories')}
          allowClear
          value={category}
          onChange={setCategory}
          style={{ width: 240 }}
          options={[...categoryName].map(([value, label]) => ({ value, label }))}
        />
      </Space>
      <Table<CatalogSummary>
        rowKey="code"
        size="middle"
        scroll={{ x: true }}
        loading={items.status === 'loading'}
        dataSource={shown}
        pagination={{ pageSize: 25, hideOnSinglePage: true }}
        columns={[
          {
            key: 'code',
            title: t('admin.catalog.code'),
            render: (_, item) => <Link to={`/admin/catalog/${item.code}`}>{item.code}</Link>,
          },
          { key: 'name', title: t('admin.catalog.name'), render: (_, item) => (en ? item.nameEn : item.nameZh) },
          {
            key: 'category',
            title: t('admin.catalog.category'),
            render: (_, item) => categoryName.get(item.category) ?? item.category,
          },
          {
            key: 'disclosure',
            title: t('admin.catalog.disclosure'),
            render: (_, item) => (
              <Tag className={`admin-tag admin-tag--${item.disclosure === 'public' ? 'ok' : 'info'}`}>
                {t(`admin.catalog.disclosures.${item.disclosure}`)}
              </Tag>
            ),
          },
          {
            key: 'status',
            title: t('admin.catalog.status'),
            render: (_, item) =>
              item.status === 'active' ? (
                <Tag className="admin-tag admin-tag--ok">{t('admin.catalog.active')}</Tag>
              ) : (
                <Tag>{t('admin.catalog.retired')}</Tag>
              ),
          },
          { key: 'version', title: t('admin.catalog.version'), dataIndex: 'currentVersion' },
          { key: 'updated', title: t('admin.catalog.updatedAt'), render: (_, item) => formatTime(item.updatedAt) },
        ]}
      />
    </AdminPage>
  );
}
