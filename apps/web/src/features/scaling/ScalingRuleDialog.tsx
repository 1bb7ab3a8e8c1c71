import type { ScalingMetric, ScalingRule, ScalingTimer } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { inputBase, SelectField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { useScalingChange } from './api';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const METRICS = ['CPU', 'MEMORY', 'tcpActiveConn'] as const;
type Repeat = 'daily' | 'weekly' | 'monthly';

function parsePeriod(period: string): { repeat: Repeat; days: string[]; dates: string } {
  if (period === '* * *') return { repeat: 'daily', days: [], dates: '' };
  if (period.startsWith('* * ')) return { repeat: 'weekly', days: period.slice(4).split(','), dates: '' };
  return { repeat: 'monthly', days: [], dates: period.split(' ')[0] ?? '' };
}

interface Row {
  atTime: string;
  targetReplicas: string;
}

/** Create a rule, or edit the schedule or thresholds of one (name and type are fixed once made). */
export function ScalingRuleDialog({
  accountId,
  appId,
  rule,
  onClose,
}: {
  accountId: string;
  appId: string;
  rule?: ScalingRule;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useScalingChange(accountId, appId);
  const [name, setName] = useState(rule?.name ?? '');
  const [type, setType] = useState<'timing' | 'metric'>(rule?.type === 'metric' ? 'metric' : 'timing');
  const [enabled, setEnabled] = useState(false);
  const initial = parsePeriod(rule?.timer?.period ?? '* * *');
  const [repeat, setRepeat] = useState<Repeat>(initial.repeat);
  const [days, setDays] = useState<string[]>(initial.days);
  const [dates, setDates] = useState(initial.dates);
  const [beginDate, setBeginDate] = useState(rule?.timer?.beginDate ?? '');
  const [endDate, setEndDate] = useState(rule?.timer?.endDate ?? '');
  const [rows, setRows] = useState<Row[]>(
    rule?.timer?.schedules.map((s) => ({ atTime: s.atTime, targetReplicas: String(s.targetReplicas) })) ?? [
      { atTime: '08:00', targetReplicas: '2' },
    ],
  );
  const [minReplicas, setMinReplicas] = useState(String(rule?.metric?.minReplicas ?? 1));
  const [maxReplicas, setMaxReplicas] = useState(String(rule?.metric?.maxReplicas ?? 3));
  const [targets, setTargets] = useState<Record<string, string>>(
    Object.fromEntries(
      (rule?.metric?.metrics ?? [{ type: 'CPU', target: 60 }]).map((m) => [m.type, String(m.target)]),
    ),
  );

  const buildTimer = (): ScalingTimer | string => {
    const period =
      repeat === 'daily'
        ? '* * *'
        : repeat === 'weekly'
          ? `* * ${days.join(',')}`
          : `${dates.replace(/\s+/g, '')} * *`;
    if (repeat === 'weekly' && days.length === 0) return t('scaling.pickDays');
    if (
      repeat === 'monthly' &&
      !/^([1-9]|[12]\d|3[01])(,([1-9]|[12]\d|3[01]))*$/.test(dates.replace(/\s+/g, ''))
    )
      return t('scaling.datesRule');
    if ((beginDate === '') !== (endDate === '')) return t('scaling.bothDates');
    if (beginDate && endDate && beginDate > endDate) return t('scaling.datesOrder');
    if (rows.length === 0) return t('scaling.oneSchedule');
    const schedules = [];
    for (const row of rows) {
      const n = Number(row.targetReplicas);
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(row.atTime)) return t('scaling.timeRule');
      if (!Number.isInteger(n) || n < 1 || n > 50)
        return t('form.range', { field: t('scaling.targetReplicas'), min: 1, max: 50 });
      schedules.push({ atTime: row.atTime, targetReplicas: n });
    }
    if (new Set(schedules.map((s) => s.atTime)).size !== schedules.length) return t('scaling.sameTime');
    return { beginDate: beginDate || null, endDate: endDate || null, period, schedules };
  };

  const buildMetric = (): ScalingMetric | string => {
    const min = Number(minReplicas);
    const max = Number(maxReplicas);
    if (!Number.isInteger(min) || min < 1 || min > 50)
      return t('form.range', { field: t('scaling.minReplicas'), min: 1, max: 50 });
    if (!Number.isInteger(max) || max < min || max > 50)
      return t('form.range', { field: t('scaling.maxReplicas'), min, max: 50 });
    const metrics = [];
    for (const [metric, value] of Object.entries(targets)) {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 100)
        return t('form.range', { field: t(`scaling.metric.${metric}` as MessageKey), min: 1, max: 100 });
      metrics.push({ type: metric as (typeof METRICS)[number], target: n });
    }
    if (metrics.length === 0) return t('scaling.oneMetric');
    return { minReplicas: min, maxReplicas: max, metrics };
  };

  const built = type === 'timing' ? buildTimer() : buildMetric();
  const nameProblem = !rule && !/^[a-z][a-z0-9-]{0,31}$/.test(name) ? t('scaling.nameRule') : undefined;
  const problem = nameProblem ?? (typeof built === 'string' ? built : undefined);

  const submit = () => {
    if (typeof built === 'string') return;
    const settings =
      type === 'timing' ? { timer: built as ScalingTimer } : { metric: built as ScalingMetric };
    change.mutate(
      rule
        ? { kind: 'update', name: rule.name, body: settings }
        : { kind: 'create', body: { name, type, enabled, ...settings } },
      { onSuccess: onClose },
    );
  };

  return (
    <FormDialog
      title={rule ? t('scaling.editTitle', { name: rule.name }) : t('scaling.createTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={rule ? t('namespaces.save') : t('scaling.create')}
      submitTestId="scaling-submit"
      onSubmit={submit}
      onClose={onClose}
      wide
      testId="scaling-dialog"
    >
      {rule ? null : (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label={t('scaling.name')}
            hint={t('scaling.nameRule')}
            value={name}
            maxLength={32}
            onChange={setName}
            testId="scaling-name"
          />
          <SelectField
            label={t('scaling.type')}
            value={type}
            onChange={(v) => setType(v as typeof type)}
            testId="scaling-type"
          >
            <option value="timing">{t('scaling.type.timing')}</option>
            <option value="metric">{t('scaling.type.metric')}</option>
          </SelectField>
        </div>
      )}
      {type === 'timing' ? (
        <fieldset className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-3">
            <SelectField
              label={t('scaling.repeat')}
              value={repeat}
              onChange={(v) => setRepeat(v as Repeat)}
              testId="scaling-repeat"
            >
              <option value="daily">{t('scaling.repeat.daily')}</option>
              <option value="weekly">{t('scaling.repeat.weekly')}</option>
              <option value="monthly">{t('scaling.repeat.monthly')}</option>
            </SelectField>
            <TextField
              label={t('scaling.beginDate')}
              type="date"
              value={beginDate}
              onChange={setBeginDate}
              testId="scaling-begin"
            />
            <TextField
              label={t('scaling.endDate')}
              type="date"
              value={endDate}
              onChange={setEndDate}
              testId="scaling-end"
            />
          </div>
          {repeat === 'weekly' ? (
            <div className="flex flex-wrap gap-3 text-sm">
              {DAYS.map((day) => (
                <label key={day} className="inline-flex items-center gap-1">
                  <input
                    type="checkbox"
                    checked={days.includes(day)}
                    onChange={() =>
                      setDays((d) => (d.includes(day) ? d.filter((x) => x !== day) : [...d, day]))
                    }
                    data-testid={`scaling-day-${day}`}
                  />
                  {t(`scaling.day.${day}` as MessageKey)}
                </label>
              ))}
            </div>
          ) : null}
          {repeat === 'monthly' ? (
            <TextField
              label={t('scaling.dates')}
              hint={t('scaling.datesRule')}
              value={dates}
              onChange={setDates}
              placeholder="1,15"
              testId="scaling-dates"
            />
          ) : null}
          <table className="text-sm">
            <thead>
              <tr className="text-left text-xs text-slate-500">
                <th className="pr-3 font-medium">{t('scaling.atTime')}</th>
                <th className="pr-3 font-medium">{t('scaling.targetReplicas')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no identity
                <tr key={index} data-testid="scaling-schedule">
                  <td className="py-1 pr-3">
                    <input
                      className={`${inputBase} w-28`}
                      type="time"
                      value={row.atTime}
                      onChange={(e) =>
                        setRows(rows.map((r, i) => (i === index ? { ...r, atTime: e.target.value } : r)))
                      }
                      data-testid="scaling-at"
                    />
                  </td>
                  <td className="py-1 pr-3">
                    <input
                      className={`${inputBase} w-24`}
                      type="number"
                      min={1}
                      max={50}
                      value={row.targetReplicas}
                      onChange={(e) =>
                        setRows(
                          rows.map((r, i) => (i === index ? { ...r, targetReplicas: e.target.value } : r)),
                        )
                      }
                      data-testid="scaling-target"
                    />
                  </td>
                  <td>
                    <Button variant="ghost" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                      {t('scaling.removeSchedule')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Button
            onClick={() => setRows([...rows, { atTime: '20:00', targetReplicas: '1' }])}
            disabled={rows.length >= 20}
            data-testid="scaling-add-schedule"
          >
            {t('scaling.addSchedule')}
          </Button>
        </fieldset>
      ) : (
        <fieldset className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              label={t('scaling.minReplicas')}
              type="number"
              min={1}
              max={50}
              value={minReplicas}
              onChange={setMinReplicas}
              testId="scaling-min"
            />
            <TextField
              label={t('scaling.maxReplicas')}
              type="number"
              min={1}
              max={50}
              value={maxReplicas}
              onChange={setMaxReplicas}
              testId="scaling-max"
            />
          </div>
          <p className="text-xs text-slate-500">{t('scaling.metricHint')}</p>
          {METRICS.map((metric) => (
            <label key={metric} className="flex items-center gap-3 text-sm">
              <input
                type="checkbox"
                checked={metric in targets}
                onChange={() =>
                  setTargets((current) => {
                    const next = { ...current };
                    if (metric in next) delete next[metric];
                    else next[metric] = '60';
                    return next;
                  })
                }
                data-testid={`scaling-metric-${metric}`}
              />
              <span className="w-48">{t(`scaling.metric.${metric}` as MessageKey)}</span>
              {metric in targets ? (
                <input
                  className={`${inputBase} w-24`}
                  type="number"
                  min={1}
                  max={100}
                  value={targets[metric]}
                  onChange={(e) => setTargets({ ...targets, [metric]: e.target.value })}
                  data-testid={`scaling-target-${metric}`}
                />
              ) : null}
            </label>
          ))}
        </fieldset>
      )}
      {rule ? null : (
        <label className="inline-flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(e) => setEnabled(e.target.checked)}
            data-testid="scaling-enabled"
          />
          {t('scaling.enableNow')}
        </label>
      )}
    </FormDialog>
  );
}
