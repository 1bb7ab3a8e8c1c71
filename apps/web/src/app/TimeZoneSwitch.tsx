import { useI18n } from '../i18n/i18n';
import { zoneLabel } from '../lib/format';
import { type TimeZoneChoice, useTimeZone } from '../lib/time-zone';

/** Local time or UTC for every time the console shows; remembered in this browser. */
export function TimeZoneSwitch() {
  const { t } = useI18n();
  const [zone, setZone] = useTimeZone();
  return (
    <label className="inline-flex items-center gap-1 text-sm">
      <span className="sr-only">{t('nav.timeZone')}</span>
      <select
        value={zone}
        onChange={(e) => setZone(e.target.value as TimeZoneChoice)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        data-testid="time-zone-switch"
      >
        <option value="local">{t('nav.timeZone.local', { zone: zoneLabel('local') })}</option>
        <option value="utc">{t('nav.timeZone.utc')}</option>
      </select>
    </label>
  );
}
