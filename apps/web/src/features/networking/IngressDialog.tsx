import type { Ingress } from '@console/contract';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { Field, inputBase, inputClass } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { useI18n } from '../../i18n/i18n';
import { useIngressChange, useNamespaceApps } from './api';

interface RuleRow {
  domain: string;
  path: string;
  appId: string;
  containerPort: string;
}

const portOk = (v: string) => Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 65535;

/** Create an ingress, or edit its listener and rules: requests for a domain and path go to an application. */
export function IngressDialog({
  accountId,
  namespaceId,
  ingress,
  onClose,
}: {
  accountId: string;
  namespaceId: string;
  ingress?: Ingress;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const change = useIngressChange(accountId);
  const apps = useNamespaceApps(accountId, namespaceId);
  const firstApp = apps.data?.items[0]?.id ?? '';
  const [slbId, setSlbId] = useState(ingress?.slbId ?? '');
  const [port, setPort] = useState(String(ingress?.listenerPort ?? 80));
  const [protocol, setProtocol] = useState<'HTTP' | 'HTTPS'>(
    ingress?.protocol === 'HTTPS' ? 'HTTPS' : 'HTTP',
  );
  const [certId, setCertId] = useState(ingress?.certId ?? '');
  const [description, setDescription] = useState(ingress?.description ?? '');
  const [defaultApp, setDefaultApp] = useState(ingress?.defaultRule?.appId ?? '');
  const [defaultPort, setDefaultPort] = useState(String(ingress?.defaultRule?.containerPort ?? 8080));
  const [rules, setRules] = useState<RuleRow[]>(
    ingress?.rules.map((r) => ({
      domain: r.domain,
      path: r.path,
      appId: r.appId,
      containerPort: String(r.containerPort),
    })) ?? [],
  );
  const chosenDefault = defaultApp || firstApp;
  const problem =
    !ingress && !slbId.trim()
      ? t('form.required', { field: t('ingress.slbId') })
      : !portOk(port) || !portOk(defaultPort)
        ? t('slb.portRule')
        : protocol === 'HTTPS' && !certId.trim()
          ? t('slb.certRule')
          : !chosenDefault
            ? t('form.required', { field: t('ingress.defaultApp') })
            : rules.some(
                  (r) => !r.domain.trim() || !r.path.startsWith('/') || !r.appId || !portOk(r.containerPort),
                )
              ? t('ingress.ruleRule')
              : undefined;
  const set = (index: number, patch: Partial<RuleRow>) =>
    setRules(rules.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  const submit = () => {
    const fields = {
      listenerPort: Number(port),
      protocol,
      ...(protocol === 'HTTPS' ? { certId: certId.trim() } : {}),
      ...(description.trim() ? { description: description.trim() } : {}),
      loadBalanceType: 'clb' as const,
      defaultRule: { appId: chosenDefault, containerPort: Number(defaultPort) },
      rules: rules.map((r) => ({
        appId: r.appId,
        containerPort: Number(r.containerPort),
        domain: r.domain.trim(),
        path: r.path,
      })),
    };
    change.mutate(
      ingress
        ? { kind: 'update', id: ingress.id, body: fields }
        : { kind: 'create', namespaceId, body: { slbId: slbId.trim(), ...fields } },
      { onSuccess: onClose },
    );
  };

  const appOptions = (apps.data?.items ?? []).map((a) => (
    <option key={a.id} value={a.id}>
      {a.name}
    </option>
  ));
  return (
    <FormDialog
      title={ingress ? t('ingress.editTitle', { id: ingress.id }) : t('ingress.createTitle')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={ingress ? t('namespaces.save') : t('ingress.create')}
      submitTestId="ingress-submit"
      onSubmit={submit}
      onClose={onClose}
      wide
      testId="ingress-dialog"
    >
      <div className="grid gap-3 sm:grid-cols-4">
        <Field label={t('ingress.slbId')}>
          <input
            className={inputClass}
            value={slbId}
            disabled={Boolean(ingress)}
            onChange={(e) => setSlbId(e.target.value)}
            data-testid="ingress-slb"
          />
        </Field>
        <Field label={t('slb.protocol')}>
          <select
            className={inputClass}
            value={protocol}
            onChange={(e) => setProtocol(e.target.value as typeof protocol)}
            data-testid="ingress-protocol"
          >
            <option value="HTTP">HTTP</option>
            <option value="HTTPS">HTTPS</option>
          </select>
        </Field>
        <Field label={t('slb.port')}>
          <input
            className={inputClass}
            type="number"
            value={port}
            onChange={(e) => setPort(e.target.value)}
            data-testid="ingress-port"
          />
        </Field>
        <Field label={t('slb.cert')}>
          <input
            className={inputClass}
            value={certId}
            disabled={protocol !== 'HTTPS'}
            onChange={(e) => setCertId(e.target.value)}
            data-testid="ingress-cert"
          />
        </Field>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('ingress.name')}>
          <input
            className={inputClass}
            value={description}
            maxLength={64}
            onChange={(e) => setDescription(e.target.value)}
            data-testid="ingress-name"
          />
        </Field>
        <Field label={t('ingress.defaultApp')}>
          <select
            className={inputClass}
            value={chosenDefault}
            onChange={(e) => setDefaultApp(e.target.value)}
            data-testid="ingress-default-app"
          >
            {appOptions}
          </select>
        </Field>
        <Field label={t('ingress.containerPort')}>
          <input
            className={inputClass}
            type="number"
            value={defaultPort}
            onChange={(e) => setDefaultPort(e.target.value)}
            data-testid="ingress-default-port"
          />
        </Field>
      </div>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="pr-2 font-medium">{t('ingress.domain')}</th>
            <th className="pr-2 font-medium">{t('ingress.path')}</th>
            <th className="pr-2 font-medium">{t('ingress.app')}</th>
            <th className="pr-2 font-medium">{t('ingress.containerPort')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rules.map((rule, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no identity
            <tr key={index} data-testid="ingress-rule">
              <td className="py-1 pr-2">
                <input
                  className={`${inputBase} w-full`}
                  value={rule.domain}
                  onChange={(e) => set(index, { domain: e.target.value })}
                  data-testid="ingress-rule-domain"
                />
              </td>
              <td className="py-1 pr-2">
                <input
                  className={`${inputBase} w-full`}
                  value={rule.path}
                  onChange={(e) => set(index, { path: e.target.value })}
                  data-testid="ingress-rule-path"
                />
              </td>
              <td className="py-1 pr-2">
                <select
                  className={inputBase}
                  value={rule.appId}
                  onChange={(e) => set(index, { appId: e.target.value })}
                  data-testid="ingress-rule-app"
                >
                  {appOptions}
                </select>
              </td>
              <td className="py-1 pr-2">
                <input
                  className={`${inputBase} w-24`}
                  type="number"
                  value={rule.containerPort}
                  onChange={(e) => set(index, { containerPort: e.target.value })}
                />
              </td>
              <td>
                <Button variant="ghost" onClick={() => setRules(rules.filter((_, i) => i !== index))}>
                  {t('scaling.removeSchedule')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button
        onClick={() =>
          setRules([...rules, { domain: '', path: '/', appId: chosenDefault, containerPort: '8080' }])
        }
        disabled={rules.length >= 40}
        data-testid="ingress-add-rule"
      >
        {t('ingress.addRule')}
      </Button>
    </FormDialog>
  );
}
