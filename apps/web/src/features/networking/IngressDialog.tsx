import type { Ingress } from '@console/contract';
import { useState } from 'react';
import { inputBase, SelectField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { RowsEditor } from '../../components/RowsEditor';
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
        <TextField
          label={t('ingress.slbId')}
          value={slbId}
          disabled={Boolean(ingress)}
          onChange={setSlbId}
          testId="ingress-slb"
        />
        <SelectField
          label={t('slb.protocol')}
          value={protocol}
          onChange={(v) => setProtocol(v as typeof protocol)}
          testId="ingress-protocol"
        >
          <option value="HTTP">HTTP</option>
          <option value="HTTPS">HTTPS</option>
        </SelectField>
        <TextField
          label={t('slb.port')}
          type="number"
          value={port}
          onChange={setPort}
          testId="ingress-port"
        />
        <TextField
          label={t('slb.cert')}
          value={certId}
          disabled={protocol !== 'HTTPS'}
          onChange={setCertId}
          testId="ingress-cert"
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          label={t('ingress.name')}
          value={description}
          maxLength={64}
          onChange={setDescription}
          testId="ingress-name"
        />
        <SelectField
          label={t('ingress.defaultApp')}
          value={chosenDefault}
          onChange={setDefaultApp}
          testId="ingress-default-app"
        >
          {appOptions}
        </SelectField>
        <TextField
          label={t('ingress.containerPort')}
          type="number"
          value={defaultPort}
          onChange={setDefaultPort}
          testId="ingress-default-port"
        />
      </div>
      <RowsEditor
        columns={[
          {
            head: t('ingress.domain'),
            cell: (r, set) => (
              <input
                className={`${inputBase} w-full`}
                value={r.domain}
                onChange={(e) => set({ domain: e.target.value })}
                data-testid="ingress-rule-domain"
              />
            ),
          },
          {
            head: t('ingress.path'),
            cell: (r, set) => (
              <input
                className={`${inputBase} w-full`}
                value={r.path}
                onChange={(e) => set({ path: e.target.value })}
                data-testid="ingress-rule-path"
              />
            ),
          },
          {
            head: t('ingress.app'),
            cell: (r, set) => (
              <select
                className={inputBase}
                value={r.appId}
                onChange={(e) => set({ appId: e.target.value })}
                data-testid="ingress-rule-app"
              >
                {appOptions}
              </select>
            ),
          },
          {
            head: t('ingress.containerPort'),
            cell: (r, set) => (
              <input
                className={`${inputBase} w-24`}
                type="number"
                value={r.containerPort}
                onChange={(e) => set({ containerPort: e.target.value })}
              />
            ),
          },
        ]}
        rows={rules}
        onChange={setRules}
        newRow={{ domain: '', path: '/', appId: chosenDefault, containerPort: '8080' }}
        max={40}
        rowTestId="ingress-rule"
        removeLabel={t('scaling.removeSchedule')}
        addLabel={t('ingress.addRule')}
        addTestId="ingress-add-rule"
      />
    </FormDialog>
  );
}
