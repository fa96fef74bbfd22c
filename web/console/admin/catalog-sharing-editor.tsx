import { App, Button, Card, Checkbox, Col, Form, Input, Radio, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/use-api-query';
import { ErrorAlert } from './admin-common';
import {
  fetchDepartments,
  ROLES,
  updateCatalogSharing,
  type CatalogItem,
  type SharingEntry,
  type SharingType,
} from './admin-api';

const SHARING_TYPES: SharingType[] = ['unconditional', 'conditional', 'none'];
const SHARING_METHODS = ['online_query', 'bulk', 'push'] as const;

/** The sharing catalog entry of an item: who receives its records, on what condition, by which method. */
export function CatalogSharingEditor({ item, onSaved }: { item: CatalogItem; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const departments = useApiQuery('departments', fetchDepartments);
  const [draft, setDraft] = useState<SharingEntry>(() => structuredClone(item.sharing));
  const [changeNote, setChangeNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof SharingEntry>(key: K, value: SharingEntry[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const none = draft.type === 'none';

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const body: SharingEntry = draft.type === 'conditional' ? draft : { ...draft, condition: null };
      const saved = await updateCatalogSharing(item.code, body, changeNote.trim());
      void message.success(t('admin.catalog.savedVersion', { version: saved.version }));
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form layout="vertical" disabled={item.status !== 'active'} onFinish={() => void save()}>
      <Card className="admin__card">
        <Form.Item label={t('admin.catalog.sharingType')}>
          <Radio.Group
            value={draft.type}
            onChange={(e) => set('type', e.target.value as SharingType)}
            options={SHARING_TYPES.map((s) => ({ value: s, label: t(`admin.catalog.sharingTypes.${s}`) }))}
          />
        </Form.Item>
        {draft.type === 'conditional' && (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={t('admin.catalog.conditionZh')} htmlFor="sharing-condition-zh" required>
                <Input.TextArea
                  id="sharing-condition-zh"
                  rows={2}
                  value={draft.condition?.zh ?? ''}
                  onChange={(e) => set('condition', { zh: e.target.value, en: draft.condition?.en ?? '' })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('admin.catalog.conditionEn')} htmlFor="sharing-condition-en" required>
                <Input.TextArea
                  id="sharing-condition-en"
                  rows={2}
                  value={draft.condition?.en ?? ''}
                  onChange={(e) => set('condition', { zh: draft.condition?.zh ?? '', en: e.target.value })}
                />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item>
          <Checkbox
            checked={draft.allDepartments}
            disabled={none}
            onChange={(e) => set('allDepartments', e.target.checked)}
          >
            {t('admin.catalog.allDepartments')}
          </Checkbox>
        </Form.Item>
        <Form.Item label={t('admin.catalog.sharingDepartments')} htmlFor="sharing-departments">
          <Select
            id="sharing-departments"
            mode="multiple"
            disabled={none || draft.allDepartments}
            value={draft.departments}
            onChange={(value) => set('departments', value)}
            optionFilterProp="label"
            options={(departments.status === 'success' ? departments.data.items : []).map((d) => ({
              value: d.code,
              label: i18n.language === 'en' ? d.nameEn : d.nameZh,
            }))}
          />
        </Form.Item>
        <Form.Item label={t('admin.catalog.sharingRoles')}>
          <Checkbox.Group
            disabled={none}
            value={draft.roles}
            onChange={(value) => set('roles', value)}
            options={ROLES.map((role) => ({ value: role, label: t(`console.roles.${role}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('admin.catalog.sharingMethods')}>
          <Checkbox.Group
            disabled={none}
            value={draft.methods}
            onChange={(value) => set('methods', value)}
            options={SHARING_METHODS.map((m) => ({ value: m, label: t(`admin.catalog.methods.${m}`) }))}
          />
        </Form.Item>
      </Card>
      {error !== null && <ErrorAlert error={error} testId="sharing-error" />}
      <Card className="admin__card">
        <Form.Item label={t('admin.catalog.changeNote')} htmlFor="sharing-changeNote" required>
          <Input
            id="sharing-changeNote"
            value={changeNote}
            maxLength={500}
            onChange={(e) => setChangeNote(e.target.value)}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} disabled={!changeNote.trim()}>
          {t('admin.catalog.saveSharing')}
        </Button>
      </Card>
    </Form>
  );
}
