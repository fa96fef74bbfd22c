import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/use-api-query';
import { useCurrentUser } from '../auth/session-context';
import { AdminPage, ConfirmButton, ErrorAlert, formatTime, roleLabel, useIsPlatformAdmin } from './admin-common';
import { createUser, fetchDepartments, fetchUsers, ROLES, setUserPassword, updateUser, type User } from './admin-api';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User } | null;

/**
 * Users: a platform admin sees everyone; a department admin sees and manages
 * their own department only (the server enforces it; the page just follows).
 */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const users = useApiQuery('users', fetchUsers);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  const setStatus = async (user: User, status: 'active' | 'disabled') => {
    setActionError(null);
    try {
      await updateUser(user.id, { status });
      void message.success(status === 'disabled' ? t('admin.users.disabled') : t('admin.users.enabled'));
      users.reload();
    } catch (error) {
      setActionError(error);
    }
  };

  return (
    <AdminPage
      title={t('admin.users.title')}
      intro={t('admin.users.intro')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
          {t('admin.users.create')}
        </Button>
      }
    >
      {actionError !== null && <ErrorAlert error={actionError} />}
      {users.status === 'error' && <ErrorAlert error={users.error} onRetry={users.reload} />}
      <Table<User>
        rowKey="id"
        size="middle"
        scroll={{ x: true }}
        loading={users.status === 'loading'}
        dataSource={users.status === 'success' ? users.data.items : []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { key: 'username', title: t('admin.users.username'), dataIndex: 'username' },
          { key: 'displayName', title: t('admin.users.displayName'), dataIndex: 'displayName' },
          {
            key: 'department',
            title: t('admin.users.department'),
            render: (_, u) => u.departmentName ?? t('admin.users.noDepartment'),
          },
          {
            key: 'roles',
            title: t('admin.users.roles'),
            render: (_, u) => u.roles.map((role) => <Tag key={role}>{roleLabel(role, t)}</Tag>),
          },
          {
            key: 'status',
            title: t('admin.users.status'),
            render: (_, u) =>
              u.status === 'active' ? (
                <Tag className="admin-tag admin-tag--ok">{t('admin.users.active')}</Tag>
              ) : (
                <Tag>{t('admin.users.inactive')}</Tag>
              ),
          },
          { key: 'createdAt', title: t('admin.users.createdAt'), render: (_, u) => formatTime(u.createdAt) },
          {
            key: 'actions',
            title: t('admin.actions'),
            render: (_, u) => (
              <Space wrap size={4}>
                <Button size="small" onClick={() => setDialog({ kind: 'edit', user: u })}>
                  {t('admin.users.edit')}
                </Button>
                <Button size="small" onClick={() => setDialog({ kind: 'password', user: u })}>
                  {t('admin.users.resetPassword')}
                </Button>
                {u.status === 'active' ? (
                  <ConfirmButton
                    label={t('admin.users.disable')}
                    ariaLabel={`${t('admin.users.disable')} ${u.username}`}
                    title={t('admin.users.disableConfirm', { name: u.username })}
                    disabled={u.id === me.id}
                    onConfirm={() => void setStatus(u, 'disabled')}
                  />
                ) : (
                  <Button size="small" onClick={() => void setStatus(u, 'active')}>
                    {t('admin.users.enable')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'create' && (
        <UserDialog
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            void message.success(t('admin.users.created'));
            users.reload();
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <UserDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            void message.success(t('admin.saved'));
            users.reload();
          }}
        />
      )}
      {dialog?.kind === 'password' && (
        <PasswordDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            void message.success(t('admin.users.passwordSet'));
          }}
        />
      )}
    </AdminPage>
  );
}

interface UserForm {
  username: string;
  displayName?: string;
  password: string;
  roles: (typeof ROLES)[number][];
  departmentCode?: string;
}

function UserDialog(props: { user?: User; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<UserForm>();
  const platformAdmin = useIsPlatformAdmin();
  const departments = useApiQuery(platformAdmin ? 'departments' : null, fetchDepartments);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const editing = props.user;
  // A department admin cannot grant platform_admin (the server refuses it too).
  const roles = ROLES.filter((role) => platformAdmin || role !== 'platform_admin');

  const save = async (values: UserForm) => {
    setBusy(true);
    setError(null);
    try {
      if (editing) {
        await updateUser(editing.id, {
          displayName: values.displayName?.trim() || editing.displayName,
          roles: values.roles,
          ...(platformAdmin ? { departmentCode: values.departmentCode ?? null } : {}),
        });
      } else {
        await createUser({
          username: values.username.trim(),
          password: values.password,
          roles: values.roles,
          ...(values.displayName?.trim() ? { displayName: values.displayName.trim() } : {}),
          ...(platformAdmin ? { departmentCode: values.departmentCode ?? null } : {}),
        });
      }
      props.onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={editing ? t('admin.users.editTitle', { name: editing.username }) : t('admin.users.create')}
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      {error !== null && <ErrorAlert error={error} testId="user-error" />}
      <Form<UserForm>
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={
          editing
            ? {
                username: editing.username,
                displayName: editing.displayName,
                roles: editing.roles,
                departmentCode: editing.departmentCode ?? undefined,
              }
            : { roles: ['clerk'] }
        }
      >
        <Form.Item
          name="username"
          label={t('admin.users.username')}
          extra={editing ? undefined : t('admin.users.usernameHelp')}
          rules={[
            { required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$/, message: t('admin.users.usernameHelp') },
          ]}
        >
          <Input disabled={!!editing} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('admin.users.displayName')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="password"
            label={t('admin.users.password')}
            extra={t('admin.users.passwordHelp')}
            rules={[{ required: true, min: 10, message: t('admin.users.passwordHelp') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item
          name="roles"
          label={t('admin.users.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('admin.users.rolesRequired') }]}
        >
          <Checkbox.Group options={roles.map((role) => ({ value: role, label: roleLabel(role, t) }))} />
        </Form.Item>
        {platformAdmin && (
          <Form.Item name="departmentCode" label={t('admin.users.department')} extra={t('admin.users.departmentHelp')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={departments.status === 'loading'}
              options={(departments.status === 'success' ? departments.data.items : []).map((d) => ({
                value: d.code,
                label: i18n.language === 'en' ? d.nameEn : d.nameZh,
              }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function PasswordDialog(props: { user: User; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={t('admin.users.resetTitle', { name: props.user.username })}
      okText={t('admin.users.resetPassword')}
      cancelText={t('admin.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <p>{t('admin.users.resetIntro')}</p>
      {error !== null && <ErrorAlert error={error} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setBusy(true);
          setError(null);
          setUserPassword(props.user.id, values.password).then(props.onSaved, (caught: unknown) => {
            setError(caught);
            setBusy(false);
          });
        }}
      >
        <Form.Item
          name="password"
          label={t('admin.users.newPassword')}
          extra={t('admin.users.passwordHelp')}
          rules={[{ required: true, min: 10, message: t('admin.users.passwordHelp') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
