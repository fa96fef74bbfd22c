import { Alert, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/error-message';
import { lookupSubject, type GovernmentSubject } from './lookup-api';

/** What the officer looks up: a subject found by search, or an identifier typed in (natural persons). */
export type LookupTarget = { subjectId: string; label: string } | { identifier: string; label: string };

/** Standard purposes of a non-public read; "other" needs an explanation. */
export const lookupPurposes = [
  'licensing',
  'penalty',
  'inspection',
  'procurement',
  'funding',
  'honours',
  'hiring',
  'other',
] as const;
type PurposeCode = (typeof lookupPurposes)[number];

interface PurposeForm {
  purpose: PurposeCode;
  detail?: string;
  caseNumber: string;
}

export interface LookupOutcome {
  subject: GovernmentSubject;
  purpose: string;
  caseNumber: string;
}

/**
 * Asks why before anything non-public is fetched: the purpose and case number
 * go to the server with the look-up, which refuses it without a purpose and
 * writes both to the audit log.
 */
export function PurposeDialog(props: {
  target: LookupTarget | null;
  onClose: () => void;
  onResult: (outcome: LookupOutcome) => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<PurposeForm>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const purpose = Form.useWatch('purpose', form);
  const { target } = props;

  const submit = async (values: PurposeForm) => {
    if (!target) return;
    setBusy(true);
    setError(null);
    const label = i18n.t(`lookup.purposes.${values.purpose}`, { lng: 'zh-CN' });
    const detail = values.detail?.trim();
    // The label as read in Chinese is what the audit log keeps, whatever the UI language.
    const stated = detail ? `${label}：${detail}` : label;
    try {
      const subject = await lookupSubject({
        ...('subjectId' in target ? { subjectId: target.subjectId } : { identifier: target.identifier }),
        purpose: stated,
        caseNumber: values.caseNumber.trim(),
      });
      form.resetFields();
      props.onResult({ subject, purpose: stated, caseNumber: values.caseNumber.trim() });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const message = error ? describeError(error, t) : null;
  return (
    <Modal
      open={target !== null}
      title={t('lookup.dialog.title')}
      okText={t('lookup.dialog.confirm')}
      cancelText={t('lookup.dialog.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => {
        setError(null);
        props.onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('lookup.dialog.subject')}
        <strong data-testid="lookup-target">{target?.label}</strong>
      </Typography.Paragraph>
      <Alert type="info" showIcon title={t('lookup.dialog.auditNotice')} className="lookup__notice" />
      {message && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="lookup-error"
          title={message.title}
          description={message.detail}
          className="lookup__notice"
        />
      )}
      <Form<PurposeForm> form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark>
        <Form.Item
          name="purpose"
          label={t('lookup.dialog.purpose')}
          rules={[{ required: true, message: t('lookup.dialog.purposeRequired') }]}
        >
          <Radio.Group>
            <Space orientation="vertical">
              {lookupPurposes.map((code) => (
                <Radio key={code} value={code}>
                  {t(`lookup.purposes.${code}`)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="detail"
          label={t('lookup.dialog.detail')}
          rules={[
            { required: purpose === 'other', whitespace: true, message: t('lookup.dialog.detailRequired') },
            { max: 150 },
          ]}
        >
          <Input placeholder={t('lookup.dialog.detailPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="caseNumber"
          label={t('lookup.dialog.caseNumber')}
          rules={[{ required: true, whitespace: true, message: t('lookup.dialog.caseNumberRequired') }, { max: 100 }]}
        >
          <Input placeholder={t('lookup.dialog.caseNumberPlaceholder')} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
