import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './admin-common';
import {
  updateCatalogItem,
  type CatalogDefinition,
  type CatalogField,
  type CatalogItem,
  type Disclosure,
  type PeriodRule,
} from './admin-api';

const DEFINITION_KEYS = [
  'code',
  'nameZh',
  'nameEn',
  'category',
  'conduct',
  'legalBasis',
  'providingDepartments',
  'subjectKinds',
  'fields',
  'collectionMethods',
  'updateFrequency',
  'disclosure',
  'publicWhen',
  'publicationPeriod',
  'retentionYears',
  'identityKey',
] as const satisfies ReadonlyArray<keyof CatalogDefinition>;

/** The definition part of an item as the server wants it back (the PUT body is strict). */
function definitionOf(item: CatalogItem): CatalogDefinition {
  const out: Record<string, unknown> = {};
  for (const key of DEFINITION_KEYS) out[key] = item[key];
  return structuredClone(out) as unknown as CatalogDefinition;
}

const UPDATE_FREQUENCIES = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'on_change'] as const;
const DISCLOSURES: Disclosure[] = ['public', 'authorised', 'government'];

/**
 * Edits a whole definition and saves it as the next version. The server
 * decides what is breaking (records of the item would no longer be valid)
 * and refuses it; its message lists every such change.
 */
export function CatalogDefinitionEditor({ item, onSaved }: { item: CatalogItem; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<CatalogDefinition>(() => definitionOf(item));
  const [changeNote, setChangeNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = item.status !== 'active';
  const set = <K extends keyof CatalogDefinition>(key: K, value: CatalogDefinition[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const setField = (index: number, patch: Partial<CatalogField>) =>
    setDraft((current) => ({
      ...current,
      fields: current.fields.map((field, i) => (i === index ? { ...field, ...patch } : field)),
    }));
  const dateFields = draft.fields
    .filter((f) => f.type === 'date')
    .map((f) => ({ value: f.code, label: `${f.code} ${f.labelZh}` }));

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      // Blank lines of the legal basis textarea are not bases.
      const legalBasis = draft.legalBasis.map((line) => line.trim()).filter(Boolean);
      const saved = await updateCatalogItem(item.code, { ...draft, legalBasis }, changeNote.trim());
      void message.success(t('admin.catalog.savedVersion', { version: saved.currentVersion }));
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form layout="vertical" disabled={readOnly} onFinish={() => void save()}>
      {readOnly && <Alert type="info" showIcon title={t('admin.catalog.retiredReadOnly')} className="admin__alert" />}
      <Card className="admin__card" title={<h2 className="admin__card-title">{t('admin.catalog.basics')}</h2>}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('admin.catalog.nameZh')} htmlFor="def-nameZh" required>
              <Input
                id="def-nameZh"
                value={draft.nameZh}
                maxLength={100}
                onChange={(e) => set('nameZh', e.target.value)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('admin.catalog.nameEn')} htmlFor="def-nameEn" required>
              <Input
                id="def-nameEn"
                value={draft.nameEn}
                maxLength={200}
                onChange={(e) => set('nameEn', e.target.value)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('admin.catalog.conductZh')} htmlFor="def-conductZh">
              <Input.TextArea
                id="def-conductZh"
                rows={2}
                value={draft.conduct.zh}
                onChange={(e) => set('conduct', { ...draft.conduct, zh: e.target.value })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('admin.catalog.conductEn')} htmlFor="def-conductEn">
              <Input.TextArea
                id="def-conductEn"
                rows={2}
                value={draft.conduct.en}
                onChange={(e) => set('conduct', { ...draft.conduct, en: e.target.value })}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              label={t('admin.catalog.legalBasis')}
              htmlFor="def-legalBasis"
              extra={t('admin.catalog.onePerLine')}
            >
              <Input.TextArea
                id="def-legalBasis"
                rows={3}
                value={draft.legalBasis.join('\n')}
                onChange={(e) => set('legalBasis', e.target.value.split('\n'))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card
        className="admin__card"
        title={<h2 className="admin__card-title">{t('admin.catalog.disclosureAndPeriod')}</h2>}
      >
        <Form.Item label={t('admin.catalog.disclosure')} extra={t('admin.catalog.disclosureHelp')}>
          <Radio.Group
            value={draft.disclosure}
            onChange={(e) => set('disclosure', e.target.value as Disclosure)}
            options={DISCLOSURES.map((d) => ({ value: d, label: t(`admin.catalog.disclosures.${d}`) }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label={t('admin.catalog.updateFrequency')} htmlFor="def-frequency">
              <Select
                id="def-frequency"
                value={draft.updateFrequency}
                onChange={(value) => set('updateFrequency', value)}
                options={UPDATE_FREQUENCIES.map((f) => ({ value: f, label: t(`admin.catalog.frequencies.${f}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('admin.catalog.retentionYears')} htmlFor="def-retention">
              <InputNumber
                id="def-retention"
                min={1}
                max={100}
                value={draft.retentionYears}
                onChange={(value) => set('retentionYears', value ?? draft.retentionYears)}
              />
            </Form.Item>
          </Col>
        </Row>
        <PeriodRuleEditor
          rule={draft.publicationPeriod}
          original={item.publicationPeriod}
          dateFields={dateFields}
          onChange={(rule) => set('publicationPeriod', rule)}
        />
      </Card>

      <Card className="admin__card" title={<h2 className="admin__card-title">{t('admin.catalog.fields')}</h2>}>
        <Alert type="info" showIcon title={t('admin.catalog.fieldsHelp')} className="admin__alert" />
        <Table<CatalogField>
          rowKey="code"
          size="small"
          scroll={{ x: true }}
          pagination={false}
          dataSource={draft.fields}
          columns={[
            { key: 'code', title: t('admin.catalog.fieldCode'), dataIndex: 'code' },
            {
              key: 'labelZh',
              title: t('admin.catalog.labelZh'),
              render: (_, field, index) => (
                <Input
                  aria-label={`${field.code} ${t('admin.catalog.labelZh')}`}
                  value={field.labelZh}
                  maxLength={100}
                  onChange={(e) => setField(index, { labelZh: e.target.value })}
                />
              ),
            },
            {
              key: 'labelEn',
              title: t('admin.catalog.labelEn'),
              render: (_, field, index) => (
                <Input
                  aria-label={`${field.code} ${t('admin.catalog.labelEn')}`}
                  value={field.labelEn}
                  maxLength={200}
                  onChange={(e) => setField(index, { labelEn: e.target.value })}
                />
              ),
            },
            { key: 'type', title: t('admin.catalog.fieldType'), dataIndex: 'type' },
            {
              key: 'maxLength',
              title: t('admin.catalog.maxLength'),
              render: (_, field, index) =>
                field.maxLength === null && !['string', 'text', 'id_number'].includes(field.type) ? (
                  '—'
                ) : (
                  <InputNumber
                    aria-label={`${field.code} ${t('admin.catalog.maxLength')}`}
                    min={1}
                    max={100000}
                    value={field.maxLength}
                    onChange={(value) => setField(index, { maxLength: value })}
                  />
                ),
            },
            {
              key: 'required',
              title: t('admin.catalog.required'),
              render: (_, field, index) => (
                <Checkbox
                  aria-label={`${field.code} ${t('admin.catalog.required')}`}
                  checked={field.required}
                  disabled={field.derived || readOnly}
                  onChange={(e) => setField(index, { required: e.target.checked })}
                />
              ),
            },
          ]}
        />
      </Card>

      {error !== null && <ErrorAlert error={error} testId="catalog-error" />}
      <Card className="admin__card">
        <Form.Item
          label={t('admin.catalog.changeNote')}
          htmlFor="def-changeNote"
          required
          extra={t('admin.catalog.changeNoteHelp')}
        >
          <Input
            id="def-changeNote"
            value={changeNote}
            maxLength={500}
            onChange={(e) => setChangeNote(e.target.value)}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} disabled={readOnly || !changeNote.trim()}>
          {t('admin.catalog.saveVersion')}
        </Button>
      </Card>
    </Form>
  );
}

function PeriodRuleEditor(props: {
  rule: PeriodRule;
  original: PeriodRule;
  dateFields: Array<{ value: string; label: string }>;
  onChange: (rule: PeriodRule) => void;
}) {
  const { t } = useTranslation();
  const { rule, dateFields } = props;
  const firstDate = dateFields[0]?.value ?? '';
  const choose = (kind: PeriodRule['kind']) => {
    if (kind === props.original.kind) return props.onChange(props.original);
    if (kind === 'fixed') return props.onChange({ kind, startField: firstDate, months: 12 });
    if (kind === 'validity')
      return props.onChange({
        kind,
        startField: null,
        endField: dateFields[1]?.value ?? firstDate,
        openEndDate: '9999-12-31',
      });
    if (kind === 'none') return props.onChange({ kind });
  };
  // Dated penalty regimes are legal texts: shown here, changed through a catalog import.
  const kinds: Array<PeriodRule['kind']> =
    props.original.kind === 'penalty_classified'
      ? ['penalty_classified', 'fixed', 'validity', 'none']
      : ['fixed', 'validity', 'none'];

  return (
    <>
      <Form.Item label={t('admin.catalog.periodRule')}>
        <Radio.Group
          value={rule.kind}
          onChange={(e) => choose(e.target.value as PeriodRule['kind'])}
          options={kinds.map((k) => ({ value: k, label: t(`admin.catalog.periodKinds.${k}`) }))}
        />
      </Form.Item>
      {rule.kind === 'penalty_classified' && (
        <Alert
          type="info"
          showIcon
          className="admin__alert"
          title={t('admin.catalog.penaltyRegimes', { count: rule.regimes.length })}
        />
      )}
      {rule.kind === 'fixed' && (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('admin.catalog.startField')} htmlFor="period-start">
              <Select
                id="period-start"
                value={rule.startField}
                options={dateFields}
                onChange={(value) => props.onChange({ ...rule, startField: value })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('admin.catalog.months')} htmlFor="period-months">
              <InputNumber
                id="period-months"
                min={1}
                max={1200}
                value={rule.months}
                onChange={(value) => props.onChange({ ...rule, months: value ?? rule.months })}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
      {rule.kind === 'validity' && (
        <Form.Item label={t('admin.catalog.endField')} htmlFor="period-end">
          <Select
            id="period-end"
            value={rule.endField}
            options={dateFields}
            onChange={(value) => props.onChange({ ...rule, endField: value })}
          />
        </Form.Item>
      )}
    </>
  );
}
