import { GlobalOutlined } from '@ant-design/icons';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '@/lib/i18n/language';
import { useLanguage } from '@/lib/i18n/use-language';

const SHORT: Record<Language, string> = { 'zh-CN': '中', en: 'EN' };

/** 中文 / English, each written in its own language so anyone can find theirs. */
export const LanguageSwitch = ({ compact = false }: { compact?: boolean }) => {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      {compact ? null : <GlobalOutlined aria-hidden style={{ color: 'rgba(0,0,0,0.45)' }} />}
      <Segmented<Language>
        size="small"
        value={language}
        onChange={(next) => void setLanguage(next)}
        aria-label={t('language.label')}
        options={LANGUAGES.map((value) => ({
          value,
          label: (
            <span data-testid={`language-${value}`} title={t(`language.${value}`)}>
              {compact ? SHORT[value] : t(`language.${value}`)}
            </span>
          ),
        }))}
        data-testid="language-switch"
      />
    </span>
  );
};
