import { Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from './record-labels';
import type { CatalogField, RecordDetail, RecordVersion } from './records-api';
import { formatValue, payloadChanges, stateChanges } from './version-diff';

/** Every version, newest first, with what it changed against the one before and where it came from. */
export function RecordVersions({ record, fields }: { record: RecordDetail; fields: CatalogField[] }) {
  const { t } = useTranslation();
  const versions = [...record.versions].sort((a, b) => b.version - a.version);
  // The API names the record's department by code; its versions carry the department's id.
  const firstDepartment = record.versions.find((v) => v.version === 1)?.provenance.departmentId;
  return (
    <section aria-labelledby="record-versions-title">
      <Typography.Title level={2} id="record-versions-title" className="records__section-title">
        {t('records.versions.title', { count: versions.length })}
      </Typography.Title>
      {versions.map((v) => (
        <VersionCard
          key={v.version}
          version={v}
          previous={record.versions.find((p) => p.version === v.version - 1)}
          fields={fields}
          ownDepartment={v.provenance.departmentId === firstDepartment ? record.departmentCode : null}
        />
      ))}
    </section>
  );
}

function VersionCard({
  version,
  previous,
  fields,
  ownDepartment,
}: {
  version: RecordVersion;
  previous: RecordVersion | undefined;
  fields: CatalogField[];
  ownDepartment: string | null;
}) {
  const { t, i18n } = useTranslation();
  const byCode = new Map(fields.map((f) => [f.code, f]));
  const label = (code: string) => {
    const f = byCode.get(code);
    return f ? `${i18n.language === 'en' ? f.labelEn : f.labelZh}` : code;
  };
  const typeOf = (code: string) => byCode.get(code)?.type;
  const changes = payloadChanges(
    version,
    previous,
    fields.map((f) => f.code),
  );
  const state = stateChanges(version, previous);
  const { provenance } = version;
  const note = version.note ?? {};

  return (
    <Card
      className="records__version"
      data-testid={`version-${version.version}`}
      title={
        <span>
          {t('records.versions.version', { version: version.version })}{' '}
          <Tag color={version.change === 'create' ? 'blue' : version.change === 'withdraw' ? 'red' : 'purple'}>
            {t(`records.change.${version.change}`)}
          </Tag>
        </span>
      }
      extra={<span>{formatInstant(version.at, i18n.language)}</span>}
    >
      <Typography.Title level={3} className="records__subtitle">
        {t('records.versions.provenance')}
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        data-testid={`provenance-${version.version}`}
        items={[
          {
            key: 'channel',
            label: t('records.versions.channel'),
            children: t(`records.channel.${provenance.channel}`),
          },
          { key: 'batch', label: t('records.versions.batch'), children: provenance.batchId ?? '—' },
          {
            key: 'department',
            label: t('records.columns.department'),
            children: ownDepartment ?? provenance.departmentId,
          },
          { key: 'actor', label: t('records.versions.actor'), children: provenance.actor.name },
          { key: 'at', label: t('records.versions.at'), children: formatInstant(version.at, i18n.language) },
          {
            key: 'fileHash',
            label: t('records.versions.fileHash'),
            children: provenance.fileHash ? <code className="records__hash">{provenance.fileHash}</code> : '—',
          },
        ]}
      />
      {typeof note.reason === 'string' && (
        <p>{t('common.labelled', { label: t('records.withdraw.reason'), value: note.reason })}</p>
      )}
      <Typography.Title level={3} className="records__subtitle">
        {previous ? t('records.versions.changed') : t('records.versions.content')}
      </Typography.Title>
      {state.map((s) => (
        <p key={s.key} className="records__changed-state">
          <Tag color="gold">{t('records.versions.changedTag')}</Tag>
          {t('common.labelled', { label: t(`records.versions.state.${s.key}`), value: '' })}
          <del>{s.key === 'status' && s.before ? t(`records.status.${s.before as 'active'}`) : (s.before ?? '—')}</del>
          {' → '}
          <ins>{s.key === 'status' && s.after ? t(`records.status.${s.after as 'active'}`) : (s.after ?? '—')}</ins>
        </p>
      ))}
      {changes.length === 0 && state.length === 0 && <p>{t('records.versions.noChange')}</p>}
      {changes.length > 0 && (
        <table className="records__fields">
          <thead>
            <tr>
              <th scope="col">{t('records.versions.field')}</th>
              {previous && <th scope="col">{t('records.versions.before')}</th>}
              <th scope="col">{previous ? t('records.versions.after') : t('records.versions.value')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.code} className={previous ? 'records__field--changed' : undefined}>
                <th scope="row">{label(c.code)}</th>
                {previous && (
                  <td>
                    <del>{formatValue(c.before, typeOf(c.code))}</del>
                  </td>
                )}
                <td>
                  {previous ? <ins>{formatValue(c.after, typeOf(c.code))}</ins> : formatValue(c.after, typeOf(c.code))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
