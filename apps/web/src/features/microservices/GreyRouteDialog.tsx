import type { DubboRule, GreyRoute, ScRule } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { inputBase, SelectField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { useGreyRouteChange } from './api';

const ruleBox = 'space-y-2 rounded-md border border-slate-200 p-3';
const CONDS = ['==', '!=', '>', '<', '>=', '<='] as const;
const OPERATORS = ['rawvalue', 'list', 'mod', 'deterministic_proportional_steaming_division'] as const;
type Kind = 'springCloud' | 'dubbo';

const emptySc = (): ScRule => ({
  condition: 'OR',
  path: '/',
  items: [{ type: 'header', name: 'grey', operator: 'rawvalue', cond: '==', value: 'true' }],
});
const emptyDubbo = (): DubboRule => ({
  condition: 'OR',
  serviceName: '',
  group: '',
  version: '',
  methodName: '',
  items: [{ index: 0, expr: '', operator: 'rawvalue', cond: '==', value: '' }],
});

function ItemOperator({
  value,
  onChange,
}: {
  value: string;
  onChange: (v: (typeof OPERATORS)[number]) => void;
}) {
  const { t } = useI18n();
  return (
    <select
      className={inputBase}
      value={value}
      onChange={(e) => onChange(e.target.value as (typeof OPERATORS)[number])}
    >
      {OPERATORS.map((o) => (
        <option key={o} value={o}>
          {t(`grey.operator.${o}` as MessageKey)}
        </option>
      ))}
    </select>
  );
}

function ItemCond({ value, onChange }: { value: string; onChange: (v: (typeof CONDS)[number]) => void }) {
  return (
    <select
      className={inputBase}
      value={value}
      onChange={(e) => onChange(e.target.value as (typeof CONDS)[number])}
    >
      {CONDS.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </select>
  );
}

/** The grey tag route in forms: which requests (by header, cookie, parameter or Dubbo argument) go to grey instances. */
export function GreyRouteDialog({
  accountId,
  appId,
  route,
  onClose,
}: {
  accountId: string;
  appId: string;
  route: GreyRoute | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useGreyRouteChange(accountId, appId);
  const [kind, setKind] = useState<Kind>(route && route.dubboRules.length > 0 ? 'dubbo' : 'springCloud');
  const [name, setName] = useState(route?.name ?? '');
  const [description, setDescription] = useState(route?.description ?? '');
  const [sc, setSc] = useState<ScRule[]>(route?.scRules.length ? route.scRules : [emptySc()]);
  const [dubbo, setDubbo] = useState<DubboRule[]>(
    route?.dubboRules.length ? route.dubboRules : [emptyDubbo()],
  );

  const problem = !/^[a-z\u4e00-\u9fa5]([a-z0-9\u4e00-\u9fa5-]*[a-z0-9\u4e00-\u9fa5])?$/.test(name)
    ? t('grey.nameRule')
    : kind === 'springCloud' &&
        sc.some(
          (r) => !r.path.startsWith('/') || r.items.length === 0 || r.items.some((i) => !i.name || !i.value),
        )
      ? t('grey.scRule')
      : kind === 'dubbo' &&
          dubbo.some(
            (r) => !r.serviceName || !r.methodName || r.items.length === 0 || r.items.some((i) => !i.value),
          )
        ? t('grey.dubboRule')
        : undefined;

  const submit = () => {
    change.mutate(
      {
        kind: 'put',
        body: {
          name,
          ...(description ? { description } : {}),
          scRules: kind === 'springCloud' ? sc : [],
          dubboRules: kind === 'dubbo' ? dubbo : [],
        },
      },
      { onSuccess: onClose },
    );
  };

  const setScRule = (index: number, patch: Partial<ScRule>) =>
    setSc(sc.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const setDubboRule = (index: number, patch: Partial<DubboRule>) =>
    setDubbo(dubbo.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  return (
    <FormDialog
      title={route ? t('grey.editTitle', { name: route.name }) : t('grey.createTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={t('namespaces.save')}
      submitTestId="grey-submit"
      onSubmit={submit}
      onClose={onClose}
      wide
      testId="grey-dialog"
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          label={t('grey.name')}
          hint={t('grey.nameRule')}
          value={name}
          disabled={Boolean(route)}
          maxLength={64}
          onChange={setName}
          testId="grey-name"
        />
        <TextField
          label={t('namespaces.description')}
          value={description}
          maxLength={64}
          onChange={setDescription}
          testId="grey-description"
        />
        <SelectField
          label={t('grey.kind')}
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          testId="grey-kind"
        >
          <option value="springCloud">Spring Cloud</option>
          <option value="dubbo">Dubbo</option>
        </SelectField>
      </div>
      {kind === 'springCloud'
        ? sc.map((rule, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rules are edited in place and have no identity
            <fieldset key={index} className={ruleBox} data-testid="grey-sc-rule">
              <div className="flex flex-wrap items-end gap-2">
                <TextField
                  label={t('ingress.path')}
                  className={`${inputBase} w-64`}
                  value={rule.path}
                  onChange={(v) => setScRule(index, { path: v })}
                  testId="grey-path"
                />
                <SelectField
                  label={t('grey.match')}
                  className={inputBase}
                  value={rule.condition}
                  onChange={(v) => setScRule(index, { condition: v as 'AND' | 'OR' })}
                >
                  <option value="OR">{t('grey.any')}</option>
                  <option value="AND">{t('grey.all')}</option>
                </SelectField>
                <Button
                  variant="ghost"
                  className="ml-auto"
                  onClick={() => setSc(sc.filter((_, i) => i !== index))}
                >
                  {t('scaling.removeSchedule')}
                </Button>
              </div>
              {rule.items.map((item, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: conditions are edited in place and have no identity
                <div key={j} className="flex flex-wrap gap-2" data-testid="grey-item">
                  <select
                    className={inputBase}
                    value={item.type}
                    onChange={(e) =>
                      setScRule(index, {
                        items: rule.items.map((x, k) =>
                          k === j ? { ...x, type: e.target.value as typeof item.type } : x,
                        ),
                      })
                    }
                  >
                    <option value="header">header</option>
                    <option value="cookie">cookie</option>
                    <option value="param">param</option>
                  </select>
                  <input
                    className={`${inputBase} w-32`}
                    placeholder={t('grey.itemName')}
                    value={item.name}
                    onChange={(e) =>
                      setScRule(index, {
                        items: rule.items.map((x, k) => (k === j ? { ...x, name: e.target.value } : x)),
                      })
                    }
                    data-testid="grey-item-name"
                  />
                  <ItemOperator
                    value={item.operator}
                    onChange={(v) =>
                      setScRule(index, {
                        items: rule.items.map((x, k) => (k === j ? { ...x, operator: v } : x)),
                      })
                    }
                  />
                  <ItemCond
                    value={item.cond}
                    onChange={(v) =>
                      setScRule(index, {
                        items: rule.items.map((x, k) => (k === j ? { ...x, cond: v } : x)),
                      })
                    }
                  />
                  <input
                    className={`${inputBase} w-32`}
                    placeholder={t('configMaps.value')}
                    value={item.value}
                    onChange={(e) =>
                      setScRule(index, {
                        items: rule.items.map((x, k) => (k === j ? { ...x, value: e.target.value } : x)),
                      })
                    }
                    data-testid="grey-item-value"
                  />
                  <Button
                    variant="ghost"
                    onClick={() => setScRule(index, { items: rule.items.filter((_, k) => k !== j) })}
                  >
                    ×
                  </Button>
                </div>
              ))}
              <Button
                onClick={() =>
                  setScRule(index, {
                    items: [
                      ...rule.items,
                      { type: 'header', name: '', operator: 'rawvalue', cond: '==', value: '' },
                    ],
                  })
                }
              >
                {t('grey.addCondition')}
              </Button>
            </fieldset>
          ))
        : dubbo.map((rule, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rules are edited in place and have no identity
            <fieldset key={index} className={ruleBox} data-testid="grey-dubbo">
              <div className="grid gap-2 sm:grid-cols-4">
                <input
                  className={inputBase}
                  placeholder={t('grey.service')}
                  value={rule.serviceName}
                  onChange={(e) => setDubboRule(index, { serviceName: e.target.value })}
                  data-testid="grey-dubbo-service"
                />
                <input
                  className={inputBase}
                  placeholder={t('grey.method')}
                  value={rule.methodName}
                  onChange={(e) => setDubboRule(index, { methodName: e.target.value })}
                  data-testid="grey-dubbo-method"
                />
                <input
                  className={inputBase}
                  placeholder={t('grey.group')}
                  value={rule.group}
                  onChange={(e) => setDubboRule(index, { group: e.target.value })}
                />
                <input
                  className={inputBase}
                  placeholder={t('grey.version')}
                  value={rule.version}
                  onChange={(e) => setDubboRule(index, { version: e.target.value })}
                />
              </div>
              {rule.items.map((item, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: conditions are edited in place and have no identity
                <div key={j} className="flex flex-wrap gap-2">
                  <input
                    className={`${inputBase} w-20`}
                    type="number"
                    min={0}
                    title={t('grey.argIndex')}
                    value={item.index}
                    onChange={(e) =>
                      setDubboRule(index, {
                        items: rule.items.map((x, k) =>
                          k === j ? { ...x, index: Number(e.target.value) } : x,
                        ),
                      })
                    }
                  />
                  <input
                    className={`${inputBase} w-32`}
                    placeholder={t('grey.expr')}
                    value={item.expr}
                    onChange={(e) =>
                      setDubboRule(index, {
                        items: rule.items.map((x, k) => (k === j ? { ...x, expr: e.target.value } : x)),
                      })
                    }
                  />
                  <ItemOperator
                    value={item.operator}
                    onChange={(v) =>
                      setDubboRule(index, {
                        items: rule.items.map((x, k) => (k === j ? { ...x, operator: v } : x)),
                      })
                    }
                  />
                  <ItemCond
                    value={item.cond}
                    onChange={(v) =>
                      setDubboRule(index, {
                        items: rule.items.map((x, k) => (k === j ? { ...x, cond: v } : x)),
                      })
                    }
                  />
                  <input
                    className={`${inputBase} w-32`}
                    placeholder={t('configMaps.value')}
                    value={item.value}
                    onChange={(e) =>
                      setDubboRule(index, {
                        items: rule.items.map((x, k) => (k === j ? { ...x, value: e.target.value } : x)),
                      })
                    }
                    data-testid="grey-dubbo-value"
                  />
                </div>
              ))}
              <Button
                onClick={() =>
                  setDubboRule(index, {
                    items: [
                      ...rule.items,
                      { index: 0, expr: '', operator: 'rawvalue', cond: '==', value: '' },
                    ],
                  })
                }
              >
                {t('grey.addCondition')}
              </Button>
            </fieldset>
          ))}
      <Button
        onClick={() =>
          kind === 'springCloud' ? setSc([...sc, emptySc()]) : setDubbo([...dubbo, emptyDubbo()])
        }
        data-testid="grey-add-rule"
      >
        {t('grey.addRule')}
      </Button>
    </FormDialog>
  );
}
