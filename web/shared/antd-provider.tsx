import { App, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// A deep government blue: white text on it passes WCAG AA (contrast ≈ 8:1).
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif",
  },
};

/** antd with the locale and theme of the current UI language. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? enUS : zhCN;
  return (
    <ConfigProvider locale={locale} theme={theme}>
      <App>{children}</App>
    </ConfigProvider>
  );
}
