import { type Language, useI18n } from '../i18n/i18n';
import { TimeZoneSwitch } from './TimeZoneSwitch';

/** The header's display settings: the language, and beside it the zone every time is shown in. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <>
      <label className="inline-flex items-center gap-1 text-sm">
        <span className="sr-only">{t('nav.language')}</span>
        <select
          value={language}
          onChange={(e) => setLanguage(e.target.value as Language)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
          data-testid="language-switch"
        >
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
      </label>
      <TimeZoneSwitch />
    </>
  );
}
