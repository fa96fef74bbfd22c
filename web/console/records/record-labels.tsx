import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreditRecordSummary, RecordStatus, RecordSubject, Timeliness } from './records-api';

const STATUS_COLOURS: Record<RecordStatus, string> = {
  active: 'green',
  withdrawn: 'default',
  repaired: 'blue',
  expired: 'default',
};

const TIMELINESS_COLOURS: Record<Timeliness, string> = {
  on_time: 'green',
  late: 'orange',
  overdue: 'red',
  pending: 'blue',
};

export function StatusTag({ status }: { status: RecordStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOURS[status]}>{t(`records.status.${status}`)}</Tag>;
}

export function TimelinessTag({ timeliness }: { timeliness: Timeliness | null }) {
  const { t } = useTranslation();
  if (!timeliness) return <span>{t('records.timeliness.none')}</span>;
  return <Tag color={TIMELINESS_COLOURS[timeliness]}>{t(`records.timeliness.${timeliness}`)}</Tag>;
}

/** The subject's code as the API gives it: a natural person's ID number only ever masked. */
export function subjectCode(subject: RecordSubject): string | null {
  return subject.uscc ?? subject.orgCode ?? subject.registrationNumber ?? subject.idNumberMasked ?? null;
}

export function SubjectCell({ record }: { record: CreditRecordSummary }) {
  const { t } = useTranslation();
  const code = subjectCode(record.subject);
  return (
    <div>
      <div>{record.subject.name ?? t('records.noName')}</div>
      {code && <div className="records__code">{code}</div>}
      {!record.subject.id && record.status !== 'withdrawn' && <Tag color="gold">{t('records.unmatchedTag')}</Tag>}
    </div>
  );
}

/** `2026-11-28T02:30:00.000Z` → local date and time in the browser's zone (Beijing for staff). */
export function formatInstant(iso: string | null, language: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));
}
