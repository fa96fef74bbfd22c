import { App, Breadcrumb, Button, Descriptions, Form, Input, Modal, Skeleton, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useApiQuery } from '../../shared/use-api-query';
import { AdminPage, ErrorAlert } from './admin-common';
import { fetchCatalogItem, retireCatalogItem, type CatalogItem } from './admin-api';
import { CatalogDefinitionEditor } from './catalog-definition-editor';
import { CatalogSharingEditor } from './catalog-sharing-editor';
import { CatalogVersions } from './catalog-versions';

/** One catalog item: its definition and fields, its sharing entry, and its versions. */
export function CatalogItemPage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const item = useApiQuery(`catalog-item:${code}`, (signal) => fetchCatalogItem(code, null, signal));
  const [retiring, setRetiring] = useState(false);
  const loaded = item.status === 'success' ? item.data : null;
  const title = loaded ? `${loaded.code} ${i18n.language === 'en' ? loaded.nameEn : loaded.nameZh}` : code;

  return (
    <AdminPage
      title={title}
      extra={
        loaded?.status === 'active' && (
          <Button danger onClick={() => setRetiring(true)}>
            {t('admin.catalog.retire')}
          </Button>
        )
      }
    >
      <Breadcrumb
        className="admin__breadcrumb"
        items={[{ title: <Link to="/admin/catalog">{t('admin.catalog.title')}</Link> }, { title: code }]}
      />
      {item.status === 'error' && <ErrorAlert error={item.error} onRetry={item.reload} />}
      {item.status === 'loading' && <Skeleton active />}
      {loaded && (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            className="admin__card"
            items={[
              {
                key: 'version',
                label: t('admin.catalog.version'),
                children: <span data-testid="catalog-version">{loaded.currentVersion}</span>,
              },
              {
                key: 'status',
                label: t('admin.catalog.status'),
                children:
                  loaded.status === 'active' ? (
                    <Tag className="admin-tag admin-tag--ok">{t('admin.catalog.active')}</Tag>
                  ) : (
                    <Tag>{t('admin.catalog.retired')}</Tag>
                  ),
              },
              { key: 'by', label: t('admin.catalog.lastChange'), children: loaded.changeNote ?? '—' },
            ]}
          />
          <Tabs
            items={[
              {
                key: 'definition',
                label: t('admin.catalog.tabDefinition'),
                children: <CatalogDefinitionEditor key={loaded.currentVersion} item={loaded} onSaved={item.reload} />,
              },
              {
                key: 'sharing',
                label: t('admin.catalog.tabSharing'),
                children: <CatalogSharingEditor key={loaded.currentVersion} item={loaded} onSaved={item.reload} />,
              },
              {
                key: 'versions',
                label: t('admin.catalog.tabVersions'),
                children: <CatalogVersions key={loaded.currentVersion} code={loaded.code} />,
              },
            ]}
          />
        </>
      )}
      {retiring && loaded && (
        <RetireDialog
          item={loaded}
          onClose={() => setRetiring(false)}
          onDone={() => {
            setRetiring(false);
            item.reload();
          }}
        />
      )}
    </AdminPage>
  );
}

function RetireDialog(props: { item: CatalogItem; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ changeNote: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={t('admin.catalog.retireTitle', { code: props.item.code })}
      okText={t('admin.catalog.retire')}
      okButtonProps={{ danger: true }}
      cancelText={t('admin.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <p>{t('admin.catalog.retireWarning')}</p>
      {error !== null && <ErrorAlert error={error} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setBusy(true);
          retireCatalogItem(props.item.code, values.changeNote.trim()).then(
            () => {
              void message.success(t('admin.catalog.retiredDone'));
              props.onDone();
            },
            (caught: unknown) => {
              setError(caught);
              setBusy(false);
            },
          );
        }}
      >
        <Form.Item
          name="changeNote"
          label={t('admin.catalog.changeNote')}
          rules={[{ required: true, whitespace: true, max: 500, message: t('admin.catalog.changeNoteRequired') }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
