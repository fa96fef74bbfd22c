import { Alert, Button, Form, Select, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/error-message';
import { useApiQuery } from '../../shared/use-api-query';
import { fetchDepartments, fetchSubmittableItems, type SubmittableItems } from './ingest-api';
import { useBilingual } from './ingest-text';

export interface Target {
  itemCode: string | null;
  /** Only for an account without a department (a platform admin), who must say whom they submit for. */
  departmentCode: string | null;
}

/** The items this department may submit through `method`, loaded once per page. */
export function useSubmittableItems() {
  return useApiQuery<SubmittableItems>('items', (signal) => fetchSubmittableItems(signal));
}

/**
 * Which catalog item (and, for an account without a department, which
 * department) a submission is for. Lists only what the catalog lets the
 * department provide through `method`.
 */
export function SubmissionTarget({
  items,
  method,
  value,
  onChange,
  disabled,
}: {
  items: SubmittableItems;
  method: 'file' | 'form';
  value: Target;
  onChange: (target: Target) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { name } = useBilingual();
  const needsDepartment = items.departmentCode === null;
  const departments = useApiQuery(needsDepartment ? 'departments' : null, (signal) => fetchDepartments(signal));
  const options = items.items
    .filter((item) => item.collectionMethods.includes(method))
    .map((item) => ({ value: item.code, label: t('common.withCode', { name: name(item), code: item.code }) }));

  if (options.length === 0) return <Alert type="warning" showIcon title={t('ingest.common.noItems')} />;
  return (
    <div className="ingest-controls">
      <Form.Item label={t('ingest.common.item')} htmlFor="ingest-item" className="ingest-controls__item" required>
        <Select
          id="ingest-item"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('ingest.common.itemPlaceholder')}
          options={options}
          value={value.itemCode}
          disabled={disabled}
          onChange={(itemCode: string) => onChange({ ...value, itemCode })}
          data-testid="ingest-item"
        />
      </Form.Item>
      {needsDepartment && (
        <Form.Item
          label={t('ingest.common.department')}
          htmlFor="ingest-department"
          className="ingest-controls__item"
          required
        >
          {departments.status === 'success' ? (
            <Select
              id="ingest-department"
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('ingest.common.departmentPlaceholder')}
              options={departments.data.map((d) => ({ value: d.code, label: name(d) }))}
              value={value.departmentCode}
              disabled={disabled}
              onChange={(departmentCode: string) => onChange({ ...value, departmentCode })}
            />
          ) : departments.status === 'error' ? (
            <Alert type="error" title={describeError(departments.error, t).title} />
          ) : (
            <Skeleton.Input active />
          )}
        </Form.Item>
      )}
    </div>
  );
}

/** Loading and failure states of the item list, shared by the upload and entry pages. */
export function ItemsUnavailable({ state }: { state: ReturnType<typeof useSubmittableItems> }) {
  const { t } = useTranslation();
  if (state.status === 'error') {
    const { title, detail } = describeError(state.error, t);
    return (
      <Alert
        type="error"
        showIcon
        title={title}
        description={detail}
        action={<Button onClick={state.reload}>{t('ingest.common.retry')}</Button>}
      />
    );
  }
  return <Skeleton active paragraph={{ rows: 2 }} />;
}
