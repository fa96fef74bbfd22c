import { ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// A deep government blue: white text on it passes WCAG AA (contrast ≈ 8:1).
// antd's secondary text (45 % black ≈ #8c8c8c, 3.4:1 on white) fails AA, and a
// public website must pass it; 62 % black gives ≈ 6:1 and still reads as secondary.
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif",
  },
};

const reducedMotionQuery = '(prefers-reduced-motion: reduce)';

function subscribeToMotionPreference(onChange: () => void): () => void {
  const query = window.matchMedia(reducedMotionQuery);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** True when the person has asked their system for less motion (vestibular disorders, WCAG 2.3.3). */
function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeToMotionPreference,
    () => window.matchMedia(reducedMotionQuery).matches,
    () => false,
  );
}

/**
 * antd with the locale and theme of the current UI language and the person's motion preference. antd's `App`
 * (message/modal hooks) is left to the console: it pulls dialog and
 * notification code that the public site does not need to download.
 */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? enUS : zhCN;
  // Dialogs, drawers and messages appear without zooming or sliding for those who asked for less motion.
  const reduceMotion = usePrefersReducedMotion();
  const themed = reduceMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme;
  return (
    // autoInsertSpace off: antd would render 登录 as "登 录", and the accessible name
    // must match the visible label for voice control ("click 登录") and copy/paste.
    <ConfigProvider locale={locale} theme={themed} button={{ autoInsertSpace: false }}>
      {children}
    </ConfigProvider>
  );
}
