import type { AosInputValue, AosTemplateInput } from '@console/contract';
import { useState } from 'react';
import { Field, inputClass } from '../../../components/Field';
import { type Translate, useI18n } from '../../../i18n/i18n';
import { MASK, showValue, useBilingual } from './shared';

/** What is typed for each input, as text (`true` / `false` for booleans); empty means "not given". */
export type InputDraft = Record<string, string>;

const isSecret = (spec: AosTemplateInput) => spec.type === 'password' || spec.type === 'secret';
const asText = (v: unknown): string => (v === undefined || v === null ? '' : showValue(v));

/**
 * The form's starting values: the stack's current inputs where it has them (an upgrade), else the
 * template's defaults. A masked secret starts empty: left empty, it stays as it is.
 */
export function initialDraft(inputs: AosTemplateInput[], current?: Record<string, unknown>): InputDraft {
  return Object.fromEntries(
    inputs.map((spec) => {
      if (current && spec.name in current) {
        const value = current[spec.name];
        return [spec.name, value === MASK ? '' : asText(value)];
      }
      return [spec.name, asText(spec.default)];
    }),
  );
}

const NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const IPV4 = /^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)$/;

/** The value the cloud takes for the input's type. */
export function typedValue(spec: AosTemplateInput, raw: string): AosInputValue {
  if (spec.type === 'integer' || spec.type === 'float') return Number(raw);
  if (spec.type === 'boolean') return raw === 'true';
  return raw;
}

function constraintText(t: Translate, c: Record<string, unknown> | undefined): string {
  if (!c) return '';
  const parts: string[] = [];
  if (Array.isArray(c.in_range))
    parts.push(t('aos.cInRange', { min: showValue(c.in_range[0]), max: showValue(c.in_range[1]) }));
  if (Array.isArray(c.valid_values))
    parts.push(t('aos.cValidValues', { values: c.valid_values.map(showValue).join(', ') }));
  if (c.regex !== undefined) parts.push(t('aos.cRegex', { regex: showValue(c.regex) }));
  const ops: [string, string][] = [
    ['equal', '='],
    ['greater_or_equal', '≥'],
    ['greater_than', '>'],
    ['less_or_equal', '≤'],
    ['less_than', '<'],
  ];
  for (const [key, op] of ops) if (key in c) parts.push(`${op} ${showValue(c[key])}`);
  return parts.join('; ');
}

/** Constraints in words, for the inputs table of a template. */
export function useConstraintText(): (c: Record<string, unknown> | undefined) => string {
  const { t } = useI18n();
  return (c) => constraintText(t, c);
}

/** What is wrong with one typed value, checked as the cloud checks it (types and constraints). */
function valueProblem(t: Translate, spec: AosTemplateInput, raw: string): string | undefined {
  const name = spec.name;
  if (raw.length > 4096) return t('aos.inputTooLong', { name });
  const numeric = spec.type === 'integer' || spec.type === 'float';
  if (spec.type === 'integer' && !/^[-+]?\d+$/.test(raw.trim())) return t('aos.inputInteger', { name });
  if (spec.type === 'float' && !NUMERIC.test(raw.trim())) return t('aos.inputNumber', { name });
  if (spec.type === 'ip' && !IPV4.test(raw)) return t('aos.inputIp', { name });
  const c = spec.constraints;
  if (!c) return undefined;
  const broken = t('aos.inputConstraint', { name, rule: constraintText(t, c) });
  if (Array.isArray(c.valid_values) && !c.valid_values.some((v) => String(v) === raw)) return broken;
  if (Array.isArray(c.in_range)) {
    const [min, max] = c.in_range.map(Number);
    const n = Number(raw);
    if (!NUMERIC.test(raw.trim()) || n < (min ?? -Infinity) || n > (max ?? Infinity)) return broken;
  }
  if (typeof c.regex === 'string') {
    try {
      if (!new RegExp(c.regex).test(raw)) return broken;
    } catch {
      // A pattern the browser cannot read is left to the cloud to check.
    }
  }
  const compare = (limit: unknown) =>
    numeric || (NUMERIC.test(raw.trim()) && NUMERIC.test(String(limit)))
      ? Number(raw) - Number(limit)
      : raw.localeCompare(String(limit));
  if ('equal' in c && String(c.equal) !== raw) return broken;
  if ('greater_or_equal' in c && !(compare(c.greater_or_equal) >= 0)) return broken;
  if ('greater_than' in c && !(compare(c.greater_than) > 0)) return broken;
  if ('less_or_equal' in c && !(compare(c.less_or_equal) <= 0)) return broken;
  if ('less_than' in c && !(compare(c.less_than) < 0)) return broken;
  return undefined;
}

/**
 * The first problem of the form. `emptyKeeps`: an empty value means "as it is" (an upgrade), so only
 * values typed are checked; otherwise a required input without a default needs one.
 */
export function draftProblem(
  t: Translate,
  inputs: AosTemplateInput[],
  draft: InputDraft,
  emptyKeeps: boolean,
): string | undefined {
  for (const spec of inputs) {
    const raw = draft[spec.name] ?? '';
    if (raw === '') {
      if (!emptyKeeps && spec.required && spec.default === undefined)
        return t('aos.inputRequired', { name: spec.name });
      continue;
    }
    const problem = valueProblem(t, spec, raw);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * The inputs to send: those typed that differ from `base` (the stack's current values on an upgrade,
 * the template's defaults on a create). Nothing typed for a secret keeps it.
 */
export function changedInputs(
  inputs: AosTemplateInput[],
  draft: InputDraft,
  base: Record<string, unknown>,
): Record<string, AosInputValue> {
  const out: Record<string, AosInputValue> = {};
  for (const spec of inputs) {
    const raw = draft[spec.name] ?? '';
    if (raw === '') continue;
    const was = spec.name in base ? base[spec.name] : spec.default;
    if (was !== MASK && was !== undefined && asText(was) === raw) continue;
    out[spec.name] = typedValue(spec, raw);
  }
  return out;
}

/** One control per template input, by its type; grouped by the template's labels; advanced ones folded. */
export function InputsForm({
  inputs,
  draft,
  onChange,
  upgrade = false,
}: {
  inputs: AosTemplateInput[];
  draft: InputDraft;
  onChange: (draft: InputDraft) => void;
  /** An upgrade: immutable inputs cannot change, an empty secret stays as it is. */
  upgrade?: boolean;
}) {
  const { t } = useI18n();
  const bilingual = useBilingual();
  const [advanced, setAdvanced] = useState(false);
  const shown = inputs.filter((i) => advanced || !i.advanced);
  const groups = new Map<string, AosTemplateInput[]>();
  for (const spec of shown) {
    const label = bilingual(spec.label) || '';
    groups.set(label, [...(groups.get(label) ?? []), spec]);
  }
  const set = (name: string, value: string) => onChange({ ...draft, [name]: value });
  if (inputs.length === 0) return <p className="text-sm text-slate-600">{t('aos.noInputs')}</p>;
  return (
    <div className="space-y-3" data-testid="aos-inputs-form">
      {[...groups.entries()].map(([label, specs]) => (
        <fieldset key={label || '-'} className="rounded-md border border-slate-200 p-3">
          {label ? <legend className="px-1 text-xs font-semibold text-slate-600">{label}</legend> : null}
          <div className="grid gap-3 sm:grid-cols-2">
            {specs.map((spec) => {
              const value = draft[spec.name] ?? '';
              const hint = [bilingual(spec.description), constraintText(t, spec.constraints)]
                .filter(Boolean)
                .join(' · ');
              const locked = upgrade && spec.immutable;
              const control = {
                className: inputClass,
                value,
                disabled: locked,
                'data-testid': `aos-input-${spec.name}`,
              };
              const valid = Array.isArray(spec.constraints?.valid_values)
                ? (spec.constraints.valid_values as unknown[]).map(showValue)
                : undefined;
              return (
                <div key={spec.name} data-testid="aos-input-field" data-input={spec.name}>
                  <Field
                    label={`${spec.name}${spec.required && spec.default === undefined ? ' *' : ''} · ${spec.type}`}
                    hint={
                      [
                        hint,
                        locked ? t('aos.immutableHint') : '',
                        upgrade && isSecret(spec) ? t('aos.secretKeeps') : '',
                      ]
                        .filter(Boolean)
                        .join(' · ') || undefined
                    }
                  >
                    {spec.type === 'boolean' ? (
                      <select {...control} onChange={(e) => set(spec.name, e.target.value)}>
                        <option value="">{upgrade ? t('aos.keepValue') : '—'}</option>
                        <option value="true">true</option>
                        <option value="false">false</option>
                      </select>
                    ) : valid ? (
                      <select {...control} onChange={(e) => set(spec.name, e.target.value)}>
                        <option value="">{upgrade ? t('aos.keepValue') : '—'}</option>
                        {valid.map((v) => (
                          <option key={v} value={v}>
                            {v}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <input
                        {...control}
                        type={
                          isSecret(spec)
                            ? 'password'
                            : spec.type === 'integer' || spec.type === 'float'
                              ? 'number'
                              : 'text'
                        }
                        step={spec.type === 'float' ? 'any' : undefined}
                        autoComplete={isSecret(spec) ? 'new-password' : 'off'}
                        placeholder={upgrade && isSecret(spec) ? MASK : undefined}
                        onChange={(e) => set(spec.name, e.target.value)}
                      />
                    )}
                  </Field>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
      {inputs.some((i) => i.advanced) ? (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={advanced}
            onChange={(e) => setAdvanced(e.target.checked)}
            data-testid="aos-inputs-advanced"
          />
          {t('aos.showAdvanced', { count: inputs.filter((i) => i.advanced).length })}
        </label>
      ) : null}
    </div>
  );
}
