import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Select, Skeleton, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { describeError } from '../../shared/error-message';
import { useApiQuery } from '../../shared/use-api-query';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useCurrentUser } from '../auth/session-context';
import { fetchDepartments, type Department } from '../records/records-api';
import { seesAllDepartments } from '../records/records-permissions';
import { departmentsChart, reasonsChart, submissionsChart, timelinessChart } from './dashboard-charts';
import { fetchRecordFigures, fetchSubmissionFigures, lastMonths } from './dashboard-api';
import { combine, monthsBetween, percent, sum, type Figures } from './dashboard-figures';
import { EChart } from './echarts-chart';

const SPANS = [6, 12, 24] as const;
const ALL = '*';

// Reason codes with a text of their own; identifier.* share one; others show the server's example reason.
const KNOWN_REASONS = [
  'required',
  'must_be_blank',
  'date_in_future',
  'date_before_start',
  'date_invalid',
  'date_nonexistent',
  'duplicate_in_file',
  'cell_beyond_header',
  'invalid',
] as const;

export function reasonLabel(
  reason: { code: string; example: { zh: string; en: string } },
  t: TFunction,
  language: string,
): string {
  const known = KNOWN_REASONS.find((k) => k === reason.code);
  if (known) return t(`dashboard.reasons.${known}`);
  const example = language === 'en' ? reason.example.en : reason.example.zh;
  if (reason.code.startsWith('identifier.'))
    return t('dashboard.reasonWithExample', { reason: t('dashboard.reasons.identifier'), example });
  return example || reason.code;
}

/** /console/dashboard — the department's submissions, rejections, timeliness and data quality. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('dashboard.title'));
  const user = useCurrentUser();
  const office = seesAllDepartments(user);
  const [months, setMonths] = useState<(typeof SPANS)[number]>(12);
  const [focus, setFocus] = useState<string>(ALL);
  const span = useMemo(() => lastMonths(months), [months]);
  const key = `${span.from}|${span.to}`;

  const data = useApiQuery(key, async (signal) => {
    const [records, submissions, departments] = await Promise.all([
      fetchRecordFigures(span, signal),
      fetchSubmissionFigures(span, signal),
      fetchDepartments(signal).catch(() => ({ items: [] as Department[] })),
    ]);
    return { records, submissions, departments: departments.items };
  });

  const view = useMemo(() => {
    if (data.status !== 'success') return null;
    const monthList = monthsBetween(span.from, span.to);
    const { records, submissions, departments } = data.data;
    const all = combine(
      monthList,
      records.departments,
      submissions.departments,
      office ? departments.map((d) => d.code) : [],
    );
    const names = new Map(departments.map((d) => [d.code, i18n.language === 'en' ? d.nameEn : d.nameZh]));
    const own = all[0] ?? combine(monthList, [], [], ['-'])[0]!;
    const shown = office
      ? focus === ALL
        ? sum(ALL, monthList, all)
        : (all.find((f) => f.code === focus) ?? own)
      : own;
    return { all, shown, names };
  }, [data, span, office, focus, i18n.language]);

  const scopeName = office
    ? focus === ALL
      ? t('dashboard.scopeAll')
      : (view?.names.get(focus) ?? focus)
    : (user.departmentName ?? t('dashboard.scopeOwn'));

  return (
    <div className="console-page dashboard">
      <Typography.Title level={1} className="console-page__title">
        {t('dashboard.title')}
      </Typography.Title>
      <Space wrap className="dashboard__controls">
        <label className="dashboard__control">
          <span>{t('dashboard.span')}</span>
          <Select
            aria-label={t('dashboard.span')}
            value={months}
            onChange={setMonths}
            options={SPANS.map((n) => ({ value: n, label: t('dashboard.lastMonths', { count: n }) }))}
            style={{ minWidth: 140 }}
          />
        </label>
        {office && view && (
          <label className="dashboard__control">
            <span>{t('dashboard.department')}</span>
            <Select
              aria-label={t('dashboard.department')}
              value={focus}
              onChange={setFocus}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ minWidth: 200 }}
              options={[
                { value: ALL, label: t('dashboard.scopeAll') },
                ...view.all.map((f) => ({ value: f.code, label: view.names.get(f.code) ?? f.code })),
              ]}
            />
          </label>
        )}
        <Typography.Text type="secondary" data-testid="dashboard-scope">
          {t('dashboard.scopeLine', { scope: scopeName, from: span.from, to: span.to })}
        </Typography.Text>
      </Space>

      {data.status === 'loading' && <Skeleton active paragraph={{ rows: 8 }} />}
      {data.status === 'error' && (
        <Alert
          type="error"
          showIcon
          title={describeError(data.error, t).title}
          description={describeError(data.error, t).detail ?? t('dashboard.errorHint')}
          action={<Button onClick={data.reload}>{t('common.retry')}</Button>}
        />
      )}
      {view && (
        <>
          <Figures figures={view.shown} t={t} departmentCode={office && focus !== ALL ? focus : null} />
          <div className="dashboard__charts">
            <Card title={t('dashboard.charts.submissionsTitle')}>
              {view.shown.batches === 0 ? (
                <Empty description={t('dashboard.noSubmissions')} />
              ) : (
                <EChart
                  testId="chart-submissions"
                  label={t('dashboard.charts.submissionsLabel', {
                    batches: view.shown.batches,
                    rows: view.shown.rowsRead,
                    rejected: view.shown.rowsRejected,
                  })}
                  option={submissionsChart(view.shown, t)}
                />
              )}
            </Card>
            <Card title={t('dashboard.charts.timelinessTitle')}>
              <EChart
                testId="chart-timeliness"
                label={t('dashboard.charts.timelinessLabel', { ...view.shown.timeliness })}
                option={timelinessChart(view.shown, t)}
              />
            </Card>
            <Card title={t('dashboard.charts.reasonsTitle')}>
              {view.shown.reasons.length === 0 ? (
                <Empty description={t('dashboard.noRejections')} />
              ) : (
                <>
                  <EChart
                    testId="chart-reasons"
                    height={Math.max(160, view.shown.reasons.length * 36 + 40)}
                    label={t('dashboard.charts.reasonsLabel')}
                    option={reasonsChart(
                      view.shown.reasons.map((r) => ({ label: reasonLabel(r, t, i18n.language), rows: r.rows })),
                      t,
                    )}
                  />
                  <ol className="dashboard__reasons" data-testid="reasons">
                    {view.shown.reasons.map((r) => (
                      <li key={r.code}>
                        <Trans
                          i18nKey="dashboard.reasonRows"
                          values={{ reason: reasonLabel(r, t, i18n.language), rows: r.rows }}
                          components={{ strong: <strong /> }}
                        />
                      </li>
                    ))}
                  </ol>
                </>
              )}
            </Card>
          </div>
          {office && <DepartmentComparison all={view.all} names={view.names} t={t} />}
        </>
      )}
    </div>
  );
}

function RateTitle({ label, definition }: { label: string; definition: string }) {
  return (
    <span>
      {label}{' '}
      <Tooltip title={definition} trigger={['hover', 'focus']}>
        <Button
          type="text"
          size="small"
          icon={<InfoCircleOutlined />}
          aria-label={`${label}: ${definition}`}
          className="dashboard__info"
        />
      </Tooltip>
    </span>
  );
}

function Figures({ figures: f, t, departmentCode }: { figures: Figures; t: TFunction; departmentCode: string | null }) {
  const overdue = new URLSearchParams({ timeliness: 'overdue', status: 'active' });
  if (departmentCode) overdue.set('departmentCode', departmentCode);
  return (
    <div className="dashboard__figures">
      <Card>
        <Statistic title={t('dashboard.figures.batches')} value={f.batches} data-testid="stat-batches" />
      </Card>
      <Card>
        <Statistic title={t('dashboard.figures.rowsRead')} value={f.rowsRead} data-testid="stat-rows" />
      </Card>
      <Card>
        <Statistic title={t('dashboard.figures.rowsRejected')} value={f.rowsRejected} data-testid="stat-rejected" />
      </Card>
      <Card>
        <Statistic title={t('dashboard.figures.overdue')} value={f.overdue} data-testid="stat-overdue" />
        <Link to={`/records?${overdue.toString()}`} data-testid="overdue-link">
          {t('dashboard.figures.overdueLink')}
        </Link>
      </Card>
      <Card>
        <Statistic title={t('dashboard.figures.unmatched')} value={f.unmatched} data-testid="stat-unmatched" />
        <Link to="/records/unmatched">{t('dashboard.figures.unmatchedLink')}</Link>
      </Card>
      <Card>
        <Statistic
          title={<RateTitle label={t('dashboard.rates.wrong')} definition={t('dashboard.rates.wrongDefinition')} />}
          value={percent(f.wrongOrDuplicateIdentifierRate.rate)}
          data-testid="stat-wrong-rate"
        />
        <Typography.Text type="secondary">
          {t('dashboard.rates.of', {
            count: f.wrongOrDuplicateIdentifierRate.count,
            of: f.wrongOrDuplicateIdentifierRate.of,
          })}
        </Typography.Text>
      </Card>
      <Card>
        <Statistic
          title={
            <RateTitle label={t('dashboard.rates.correction')} definition={t('dashboard.rates.correctionDefinition')} />
          }
          value={percent(f.correctionRate.rate)}
          data-testid="stat-correction-rate"
        />
        <Typography.Text type="secondary">
          {t('dashboard.rates.of', { count: f.correctionRate.count, of: f.correctionRate.of })}
        </Typography.Text>
      </Card>
    </div>
  );
}

interface Row {
  code: string;
  name: string;
  figures: Figures;
}

function DepartmentComparison({ all, names, t }: { all: Figures[]; names: Map<string, string>; t: TFunction }) {
  const rows: Row[] = all
    .map((figures) => ({ code: figures.code, name: names.get(figures.code) ?? figures.code, figures }))
    .sort((a, b) => b.figures.total - a.figures.total || a.code.localeCompare(b.code));
  const numeric = (pick: (f: Figures) => number) => ({
    sorter: (a: Row, b: Row) => pick(a.figures) - pick(b.figures),
    render: (_: unknown, r: Row) => pick(r.figures),
    align: 'right' as const,
  });
  const byRate = (pick: (f: Figures) => number | null) => ({
    sorter: (a: Row, b: Row) => (pick(a.figures) ?? -1) - (pick(b.figures) ?? -1),
    render: (_: unknown, r: Row) => percent(pick(r.figures)),
    align: 'right' as const,
  });
  const columns: ColumnsType<Row> = [
    {
      title: t('dashboard.table.department'),
      dataIndex: 'name',
      fixed: 'left',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
    },
    { title: t('dashboard.figures.batches'), key: 'batches', ...numeric((f) => f.batches) },
    { title: t('dashboard.figures.rowsRead'), key: 'rows', ...numeric((f) => f.rowsRead) },
    { title: t('dashboard.figures.rowsRejected'), key: 'rejected', ...numeric((f) => f.rowsRejected) },
    {
      title: t('dashboard.rates.wrong'),
      key: 'wrongRate',
      ...byRate((f) => f.wrongOrDuplicateIdentifierRate.rate),
    },
    { title: t('dashboard.rates.correction'), key: 'correctionRate', ...byRate((f) => f.correctionRate.rate) },
    { title: t('dashboard.timeliness.onTime'), key: 'onTime', ...numeric((f) => f.timeliness.onTime) },
    { title: t('dashboard.timeliness.late'), key: 'late', ...numeric((f) => f.timeliness.late) },
    { title: t('dashboard.figures.overdue'), key: 'overdue', ...numeric((f) => f.overdue) },
    { title: t('dashboard.figures.unmatched'), key: 'unmatched', ...numeric((f) => f.unmatched) },
    { title: t('dashboard.table.records'), key: 'total', ...numeric((f) => f.total) },
  ];
  const charted = rows.filter((r) => r.figures.total > 0 || r.figures.batches > 0);
  return (
    <Card title={t('dashboard.table.title')} className="dashboard__comparison">
      <Typography.Paragraph type="secondary">{t('dashboard.table.hint')}</Typography.Paragraph>
      {charted.length > 0 && (
        <EChart
          testId="chart-departments"
          height={320}
          label={t('dashboard.charts.departmentsLabel', { count: charted.length })}
          option={departmentsChart(charted, t)}
        />
      )}
      <Table<Row>
        rowKey="code"
        columns={columns}
        dataSource={rows}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
        data-testid="department-table"
      />
    </Card>
  );
}
