import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/use-api-query';
import { useCurrentUser } from '../auth/session-context';
import { AdminPage, ConfirmButton, ErrorAlert, formatTime, useIsPlatformAdmin } from './admin-common';
import { createApiKey, fetchApiKeys, fetchDepartments, PERMISSIONS, revokeApiKey, type ApiKey } from './admin-api';

/**
 * API keys of business systems and agencies. The raw key is shown once,
 * right after creation; the platform keeps only its hash.
 */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const keys = useApiQuery('api-keys', fetchApiKeys);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ name: string; key: string } | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  const revoke = async (key: ApiKey) => {
    setActionError(null);
    try {
      await revokeApiKey(key.id);
      void message.success(t('admin.keys.revoked'));
      keys.reload();
    } catch (error) {
      setActionError(error);
    }
  };

  return (
    <AdminPage
      title={t('admin.keys.title')}
      intro={t('admin.keys.intro')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('admin.keys.create')}
        </Button>
      }
    >
      {actionError !== null && <ErrorAlert error={actionError} />}
      {keys.status === 'error' && <ErrorAlert error={keys.error} onRetry={keys.reload} />}
      <Table<ApiKey>
        rowKey="id"
        size="middle"
        scroll={{ x: true }}
        loading={keys.status === 'loading'}
        dataSource={keys.status === 'success' ? keys.data.items : []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { key: 'name', title: t('admin.keys.name'), dataIndex: 'name' },
          { key: 'department', title: t('admin.keys.department'), dataIndex: 'departmentName' },
          { key: 'prefix', title: t('admin.keys.prefix'), render: (_, k) => <code>{k.keyPrefix}…</code> },
          {
            key: 'permissions',
            title: t('admin.keys.permissions'),
            render: (_, k) => k.permissions.map((p) => <Tag key={p}>{p}</Tag>),
          },
          {
            key: 'status',
            title: t('admin.keys.status'),
            render: (_, k) =>
              k.status === 'active' ? (
                <Tag className="admin-tag admin-tag--ok">{t('admin.keys.active')}</Tag>
              ) : (
                <Tag>{t('admin.keys.revokedStatus')}</Tag>
              ),
          },
          { key: 'created', title: t('admin.keys.createdAt'), render: (_, k) => formatTime(k.createdAt) },
          { key: 'used', title: t('admin.keys.lastUsedAt'), render: (_, k) => formatTime(k.lastUsedAt) },
          {
            key: 'actions',
            title: t('admin.actions'),
            render: (_, k) =>
              k.status === 'active' && (
                <ConfirmButton
                  label={t('admin.keys.revoke')}
                  ariaLabel={`${t('admin.keys.revoke')} ${k.name}`}
                  title={t('admin.keys.revokeConfirm', { name: k.name })}
                  description={t('admin.keys.revokeWarning')}
                  onConfirm={() => void revoke(k)}
                />
              ),
          },
        ]}
      />
      {creating && (
        <CreateKeyDialog
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setSecret(created);
            keys.reload();
          }}
        />
      )}
      <Modal
        open={secret !== null}
        title={t('admin.keys.secretTitle')}
        closable={false}
        mask={{ closable: false }}
        destroyOnHidden
        footer={
          <Button type="primary" onClick={() => setSecret(null)}>
            {t('admin.keys.secretDone')}
          </Button>
        }
      >
        {/* Rendered only while open: once closed, the key leaves the page for good. */}
        {secret && (
          <>
            <Alert type="warning" showIcon title={t('admin.keys.secretWarning')} className="admin__alert" />
            <Typography.Paragraph>{t('admin.keys.secretFor', { name: secret?.name ?? '' })}</Typography.Paragraph>
            <Typography.Paragraph
              code
              copyable={{ text: secret?.key ?? '', tooltips: [t('admin.keys.copy'), t('admin.keys.copied')] }}
              data-testid="api-key-secret"
              className="admin__secret"
            >
              {secret?.key}
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </AdminPage>
  );
}

interface KeyForm {
  name: string;
  departmentCode: string;
  permissions: (typeof PERMISSIONS)[number][];
}

function CreateKeyDialog(props: { onClose: () => void; onCreated: (created: { name: string; key: string }) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<KeyForm>();
  const me = useCurrentUser();
  const platformAdmin = useIsPlatformAdmin();
  const departments = useApiQuery('departments', fetchDepartments);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const list = departments.status === 'success' ? departments.data.items : [];
  const own = list.find((d) => d.id === me.departmentId);
  const choices = platformAdmin ? list : own ? [own] : [];

  const save = async (values: KeyForm) => {
    setBusy(true);
    setError(null);
    try {
      const created = await createApiKey({
        name: values.name.trim(),
        departmentCode: values.departmentCode ?? own?.code,
        permissions: values.permissions,
      });
      props.onCreated({ name: created.name, key: created.key });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('admin.keys.create')}
      okText={t('admin.keys.createOk')}
      cancelText={t('admin.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      {error !== null && <ErrorAlert error={error} testId="key-error" />}
      <Form<KeyForm>
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={{ permissions: ['records.submit'] }}
      >
        <Form.Item
          name="name"
          label={t('admin.keys.name')}
          extra={t('admin.keys.nameHelp')}
          rules={[{ required: true, whitespace: true, max: 200, message: t('admin.keys.nameRequired') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="departmentCode"
          label={t('admin.keys.department')}
          rules={[{ required: platformAdmin, message: t('admin.keys.departmentRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={departments.status === 'loading'}
            placeholder={own ? (i18n.language === 'en' ? own.nameEn : own.nameZh) : undefined}
            options={choices.map((d) => ({ value: d.code, label: i18n.language === 'en' ? d.nameEn : d.nameZh }))}
          />
        </Form.Item>
        <Form.Item
          name="permissions"
          label={t('admin.keys.permissions')}
          extra={t('admin.keys.permissionsHelp')}
          rules={[{ required: true, type: 'array', min: 1, message: t('admin.keys.permissionsRequired') }]}
        >
          <Checkbox.Group className="admin__checkbox-grid" options={PERMISSIONS.map((p) => ({ value: p, label: p }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
