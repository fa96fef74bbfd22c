import './lookup.css';
import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/error-message';
import { useApiQuery } from '../../shared/use-api-query';
import { useDocumentTitle } from '../../shared/use-document-title';
import { GovernmentView } from './government-view';
import { looksLikeIdentifier, maskCitizenId, searchSubjects } from './lookup-api';
import { PurposeDialog, type LookupOutcome, type LookupTarget } from './purpose-dialog';

/**
 * Subject look-up: find a subject (public search, or an identifier typed in),
 * state why, then see the government view. Nothing non-public is fetched
 * before the purpose is given.
 */
export function LookupPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('lookup.title'));
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const [target, setTarget] = useState<LookupTarget | null>(null);
  const [outcome, setOutcome] = useState<LookupOutcome | null>(null);
  const results = useApiQuery(query, (signal) => searchSubjects(query ?? '', signal));
  const identifier = query && looksLikeIdentifier(query) ? query.replace(/[\s-]/g, '').toUpperCase() : null;

  return (
    <div className="console-page lookup">
      <Typography.Title level={1} className="console-page__title">
        {t('lookup.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('lookup.intro')}</Typography.Paragraph>
      <Card>
        <Form
          layout="inline"
          className="lookup__search"
          onFinish={() => {
            const q = draft.trim();
            if (q) {
              setOutcome(null);
              setQuery(q);
            }
          }}
        >
          <Form.Item label={t('lookup.searchLabel')} htmlFor="lookup-q" className="lookup__search-field">
            <Input
              id="lookup-q"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              placeholder={t('lookup.searchPlaceholder')}
              allowClear
              maxLength={100}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('lookup.search')}
            </Button>
          </Form.Item>
        </Form>
        {identifier && (
          <Alert
            type="info"
            showIcon
            className="lookup__notice"
            title={t('lookup.identifierHint')}
            action={
              <Button
                onClick={() => setTarget({ identifier, label: maskCitizenId(identifier) })}
                data-testid="lookup-by-identifier"
              >
                {t('lookup.byIdentifier')}
              </Button>
            }
          />
        )}
        {results.status === 'error' && (
          <Alert type="error" showIcon role="alert" title={describeError(results.error, t).title} />
        )}
        {query !== null && results.status !== 'error' && (
          <List
            aria-label={t('lookup.results')}
            loading={results.status === 'loading'}
            dataSource={results.status === 'success' ? results.data.items : []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lookup.noResults')} /> }}
            renderItem={(item) => (
              <List.Item
                actions={[
                  <Button
                    key="lookup"
                    aria-label={t('lookup.lookupNamed', { name: item.name })}
                    onClick={() => setTarget({ subjectId: item.id, label: item.name })}
                  >
                    {t('lookup.lookup')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={item.name}
                  description={
                    <Space wrap size={4}>
                      <Tag>{item.kindLabel}</Tag>
                      {item.uscc && <span>{item.uscc}</span>}
                      {item.regionName && <span>{item.regionName}</span>}
                      {item.matchedName && <span>{t('lookup.formerly', { name: item.matchedName })}</span>}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      {outcome && <GovernmentView key={`${outcome.subject.id}-${outcome.caseNumber}`} outcome={outcome} />}
      <PurposeDialog
        target={target}
        onClose={() => setTarget(null)}
        onResult={(result) => {
          setTarget(null);
          setOutcome(result);
        }}
      />
    </div>
  );
}
