import { App, Alert, Button, Card, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/use-api-query';
import { AdminPage, ErrorAlert } from './admin-common';
import {
  addWorkingDays,
  clearCalendarDay,
  completeCalendarYear,
  fetchCalendarDays,
  fetchCalendarYears,
  setCalendarDay,
  type CalendarDay,
  type WorkingDaysAnswer,
} from './admin-api';

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month + 1)}-${pad(day)}`;
/** ISO weekday (Monday = 1) of a legal date; computed in UTC so the browser's zone does not shift it. */
const weekdayOf = (year: number, month: number, day: number) =>
  ((new Date(Date.UTC(year, month, day)).getUTCDay() + 6) % 7) + 1;
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/**
 * The working-day calendar: a year at a glance, each date editable (holiday,
 * adjusted working day, or back to the Monday–Friday rule), a year marked
 * complete with its source, and the deadline calculator over the same data.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const years = useApiQuery('years', fetchCalendarYears);
  const days = useApiQuery(`days:${year}`, (signal) => fetchCalendarDays(year, signal));
  const [editing, setEditing] = useState<{ date: string; entry: CalendarDay | undefined } | null>(null);
  const [completing, setCompleting] = useState(false);

  const known = years.status === 'success' ? years.data.items : [];
  const yearOptions = [
    ...new Set([...known.map((y) => y.year), ...Array.from({ length: 9 }, (_, i) => thisYear - 3 + i), year]),
  ].sort();
  // Deadlines that fall in these years are computed on weekends alone: say so before anyone relies on them.
  const incomplete = [thisYear, thisYear + 1].filter((y) => !known.some((k) => k.year === y && k.complete));
  const entries = new Map((days.status === 'success' ? days.data.days : []).map((d) => [d.date, d]));
  const reloadAll = () => {
    years.reload();
    days.reload();
  };

  return (
    <AdminPage title={t('admin.calendar.title')} intro={t('admin.calendar.intro')}>
      {years.status === 'success' && incomplete.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="admin__alert"
          data-testid="calendar-missing-years"
          title={t('admin.calendar.missingYears', { years: incomplete.join('、') })}
        />
      )}
      {years.status === 'error' && <ErrorAlert error={years.error} onRetry={years.reload} />}
      <Card className="admin__card">
        <Space wrap align="center">
          <label htmlFor="calendar-year">{t('admin.calendar.year')}</label>
          <Select
            id="calendar-year"
            value={year}
            onChange={setYear}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 120 }}
            options={yearOptions.map((y) => ({ value: y, label: String(y) }))}
          />
          {days.status === 'success' &&
            (days.data.complete ? (
              <Tag className="admin-tag admin-tag--ok">
                {t('admin.calendar.complete', { source: days.data.source ?? '' })}
              </Tag>
            ) : (
              <Tag className="admin-tag admin-tag--warn">{t('admin.calendar.incomplete')}</Tag>
            ))}
          {days.status === 'success' && !days.data.complete && (
            <Button onClick={() => setCompleting(true)}>{t('admin.calendar.markComplete')}</Button>
          )}
        </Space>
        <div className="calendar-legend" aria-hidden="true">
          <span className="calendar-day calendar-day--holiday">{t('admin.calendar.holiday')}</span>
          <span className="calendar-day calendar-day--workday">{t('admin.calendar.workday')}</span>
          <span className="calendar-day calendar-day--weekend">{t('admin.calendar.weekend')}</span>
        </div>
      </Card>
      <WorkingDaysCalculator />
      {days.status === 'error' && <ErrorAlert error={days.error} onRetry={days.reload} />}
      <div className="calendar-year" data-testid="calendar-year">
        {Array.from({ length: 12 }, (_, month) => (
          <section key={month} className="calendar-month" aria-labelledby={`month-${month}`}>
            <h2 id={`month-${month}`} className="calendar-month__title">
              {t('admin.calendar.month', { year, month: month + 1 })}
            </h2>
            <div className="calendar-month__grid">
              {Array.from({ length: weekdayOf(year, month, 1) - 1 }, (_, i) => (
                <span key={`blank-${i}`} />
              ))}
              {Array.from({ length: daysInMonth(year, month) }, (_, i) => {
                const day = i + 1;
                const date = isoDate(year, month, day);
                const entry = entries.get(date);
                const weekend = weekdayOf(year, month, day) >= 6;
                const kind = entry?.kind ?? (weekend ? 'weekend' : 'normal');
                const describe =
                  kind === 'holiday'
                    ? `${t('admin.calendar.holiday')} ${entry?.nameZh ?? ''}`
                    : kind === 'workday'
                      ? `${t('admin.calendar.workday')} ${entry?.nameZh ?? ''}`
                      : kind === 'weekend'
                        ? t('admin.calendar.weekend')
                        : t('admin.calendar.normal');
                return (
                  <button
                    key={date}
                    type="button"
                    className={`calendar-day calendar-day--${kind}`}
                    title={`${date} ${describe}`}
                    data-date={date}
                    onClick={() => setEditing({ date, entry })}
                  >
                    {day}
                    {/* The visible day number starts the accessible name; the rest is for screen readers. */}
                    <span className="visually-hidden">{` ${date} ${describe}`}</span>
                  </button>
                );
              })}
            </div>
          </section>
        ))}
      </div>
      {editing && (
        <DayDialog
          date={editing.date}
          entry={editing.entry}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reloadAll();
          }}
        />
      )}
      {completing && (
        <CompleteYearDialog
          year={year}
          onClose={() => setCompleting(false)}
          onSaved={() => {
            setCompleting(false);
            reloadAll();
          }}
        />
      )}
    </AdminPage>
  );
}

type DayChoice = 'normal' | 'holiday' | 'workday';

function DayDialog(props: { date: string; entry: CalendarDay | undefined; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: DayChoice; nameZh?: string }>();
  const kind = Form.useWatch('kind', form);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const save = async (values: { kind: DayChoice; nameZh?: string }) => {
    setBusy(true);
    setError(null);
    try {
      if (values.kind === 'normal') {
        if (props.entry) await clearCalendarDay(props.date);
      } else {
        await setCalendarDay(props.date, { kind: values.kind, nameZh: (values.nameZh ?? '').trim() });
      }
      void message.success(t('admin.saved'));
      props.onSaved();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('admin.calendar.editDay', { date: props.date })}
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      {error !== null && <ErrorAlert error={error} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: props.entry?.kind ?? 'normal', nameZh: props.entry?.nameZh }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item name="kind" label={t('admin.calendar.dayKind')}>
          <Radio.Group>
            <Space orientation="vertical">
              <Radio value="normal">{t('admin.calendar.normalRule')}</Radio>
              <Radio value="holiday">{t('admin.calendar.holidayChoice')}</Radio>
              <Radio value="workday">{t('admin.calendar.workdayChoice')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {kind !== 'normal' && (
          <Form.Item
            name="nameZh"
            label={t('admin.calendar.dayName')}
            rules={[{ required: true, whitespace: true, max: 50, message: t('admin.calendar.dayNameRequired') }]}
          >
            <Input placeholder={t('admin.calendar.dayNamePlaceholder')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function CompleteYearDialog(props: { year: number; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ source: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={t('admin.calendar.completeTitle', { year: props.year })}
      okText={t('admin.calendar.markComplete')}
      cancelText={t('admin.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <p>{t('admin.calendar.completeIntro')}</p>
      {error !== null && <ErrorAlert error={error} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setBusy(true);
          setError(null);
          completeCalendarYear(props.year, values.source.trim()).then(props.onSaved, (caught: unknown) => {
            setError(caught);
            setBusy(false);
          });
        }}
      >
        <Form.Item
          name="source"
          label={t('admin.calendar.source')}
          rules={[{ required: true, whitespace: true, max: 200, message: t('admin.calendar.sourceRequired') }]}
        >
          <Input placeholder="国办发明电〔2025〕7号" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function WorkingDaysCalculator() {
  const { t } = useTranslation();
  const [from, setFrom] = useState('');
  const [days, setDays] = useState<number | null>(7);
  const [answer, setAnswer] = useState<WorkingDaysAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);

  const calculate = async () => {
    setError(null);
    setAnswer(null);
    try {
      setAnswer(await addWorkingDays(from, days ?? 0));
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <Card
      className="admin__card"
      title={<h2 className="admin__card-title">{t('admin.calendar.calculator')}</h2>}
      data-testid="working-days-calculator"
    >
      <Typography.Paragraph type="secondary">{t('admin.calendar.calculatorIntro')}</Typography.Paragraph>
      <Form layout="inline" onFinish={() => void calculate()} className="admin__inline-form">
        <Form.Item label={t('admin.calendar.from')} htmlFor="calc-from">
          <Input id="calc-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </Form.Item>
        <Form.Item label={t('admin.calendar.days')} htmlFor="calc-days">
          <InputNumber id="calc-days" min={0} max={10000} value={days} onChange={setDays} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('admin.calendar.calculate')}
          </Button>
        </Form.Item>
      </Form>
      {error !== null && <ErrorAlert error={error} />}
      {answer && (
        <div className="admin__answer" role="status">
          <Typography.Text strong data-testid="working-days-result">
            {t('admin.calendar.result', { from: answer.from, days: answer.days, date: answer.date })}
          </Typography.Text>
          {answer.warnings.map((w) => (
            <Alert key={w.year} type="warning" showIcon title={w.message} className="admin__alert" />
          ))}
        </div>
      )}
    </Card>
  );
}
