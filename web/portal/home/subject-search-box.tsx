import { Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface SubjectSearchBoxProps {
  initialQuery: string;
  onSearch: (text: string) => void;
}

export function SubjectSearchBox({ initialQuery, onSearch }: SubjectSearchBoxProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(initialQuery);
  return (
    <div role="search" className="search-box">
      <label htmlFor="subject-search" className="search-box__label">
        {t('portal.search.label')}
      </label>
      <Input.Search
        id="subject-search"
        size="large"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onSearch={(value) => onSearch(value)}
        placeholder={t('portal.search.placeholder')}
        enterButton={t('portal.search.button')}
        maxLength={100}
        autoComplete="off"
        enterKeyHint="search"
      />
    </div>
  );
}
