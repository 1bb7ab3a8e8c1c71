import type { AppSlbs, Role, SlbListener } from '@console/contract';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../components/Button';
import { Dialog, DialogActions } from '../../components/Dialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Field, inputBase, inputClass } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { Loading } from '../../components/Spinner';
import { useI18n } from '../../i18n/i18n';
import { hasRole } from '../../lib/roles';
import { useAppSlbs, useSlbChange } from './api';

type Side = 'internet' | 'intranet';
interface Row {
  port: string;
  targetPort: string;
  protocol: SlbListener['protocol'];
  httpsCertId: string;
}

function BindDialog({
  accountId,
  appId,
  side,
  onClose,
}: {
  accountId: string;
  appId: string;
  side: Side;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const change = useSlbChange(accountId, appId);
  const [slbId, setSlbId] = useState('');
  const [rows, setRows] = useState<Row[]>([
    { port: '80', targetPort: '8080', protocol: 'TCP', httpsCertId: '' },
  ]);
  const listeners: SlbListener[] = [];
  let problem: string | undefined;
  for (const row of rows) {
    const port = Number(row.port);
    const targetPort = Number(row.targetPort);
    if (
      !Number.isInteger(port) ||
      port < 1 ||
      port > 65535 ||
      !Number.isInteger(targetPort) ||
      targetPort < 1 ||
      targetPort > 65535
    ) {
      problem = t('slb.portRule');
      break;
    }
    if (row.protocol === 'HTTPS' && !row.httpsCertId.trim()) {
      problem = t('slb.certRule');
      break;
    }
    listeners.push({
      port,
      targetPort,
      protocol: row.protocol,
      ...(row.protocol === 'HTTPS' ? { httpsCertId: row.httpsCertId.trim() } : {}),
    });
  }
  if (!problem && rows.length === 0) problem = t('slb.oneListener');
  if (!problem && new Set(listeners.map((l) => l.port)).size !== listeners.length)
    problem = t('slb.samePort');
  const set = (index: number, patch: Partial<Row>) =>
    setRows(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const submit = () => {
    const body =
      side === 'internet'
        ? { internet: listeners, ...(slbId.trim() ? { internetSlbId: slbId.trim() } : {}) }
        : { intranet: listeners, ...(slbId.trim() ? { intranetSlbId: slbId.trim() } : {}) };
    change.mutate(
      { kind: 'bind', body },
      { onSuccess: (ref) => navigate(`/accounts/${accountId}/rollouts/${ref.changeOrderId}`) },
    );
  };
  return (
    <FormDialog
      title={t(side === 'internet' ? 'slb.bindInternet' : 'slb.bindIntranet')}
      problem={problem}
      error={change.error}
      pending={change.isPending}
      submitLabel={t('slb.bind')}
      submitTestId="slb-submit"
      onSubmit={submit}
      onClose={onClose}
      wide
      testId="slb-dialog"
    >
      <Field label={t('slb.existing')} hint={t('slb.existingHint')}>
        <input
          className={inputClass}
          value={slbId}
          onChange={(e) => setSlbId(e.target.value)}
          data-testid="slb-id"
        />
      </Field>
      <table className="text-sm">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="pr-2 font-medium">{t('slb.protocol')}</th>
            <th className="pr-2 font-medium">{t('slb.port')}</th>
            <th className="pr-2 font-medium">{t('slb.targetPort')}</th>
            <th className="pr-2 font-medium">{t('slb.cert')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no identity
            <tr key={index} data-testid="slb-listener">
              <td className="py-1 pr-2">
                <select
                  className={inputBase}
                  value={row.protocol}
                  onChange={(e) => set(index, { protocol: e.target.value as Row['protocol'] })}
                  data-testid="slb-protocol"
                >
                  <option value="TCP">TCP</option>
                  <option value="HTTP">HTTP</option>
                  <option value="HTTPS">HTTPS</option>
                </select>
              </td>
              <td className="py-1 pr-2">
                <input
                  className={`${inputBase} w-24`}
                  type="number"
                  value={row.port}
                  onChange={(e) => set(index, { port: e.target.value })}
                  data-testid="slb-port"
                />
              </td>
              <td className="py-1 pr-2">
                <input
                  className={`${inputBase} w-24`}
                  type="number"
                  value={row.targetPort}
                  onChange={(e) => set(index, { targetPort: e.target.value })}
                  data-testid="slb-target-port"
                />
              </td>
              <td className="py-1 pr-2">
                <input
                  className={`${inputBase} w-40`}
                  value={row.httpsCertId}
                  disabled={row.protocol !== 'HTTPS'}
                  onChange={(e) => set(index, { httpsCertId: e.target.value })}
                  data-testid="slb-cert"
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
        onClick={() => setRows([...rows, { port: '', targetPort: '8080', protocol: 'TCP', httpsCertId: '' }])}
        data-testid="slb-add"
      >
        {t('slb.addListener')}
      </Button>
    </FormDialog>
  );
}

function UnbindDialog({
  accountId,
  appId,
  side,
  onClose,
}: {
  accountId: string;
  appId: string;
  side: Side;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const change = useSlbChange(accountId, appId);
  return (
    <Dialog
      title={t(side === 'internet' ? 'slb.unbindInternet' : 'slb.unbindIntranet')}
      onClose={onClose}
      busy={change.isPending}
      testId="slb-unbind-dialog"
    >
      <p>{t('slb.unbindBody')}</p>
      {change.error ? <ErrorPanel error={change.error} /> : null}
      <DialogActions>
        <Button onClick={onClose} disabled={change.isPending}>
          {t('common.cancel')}
        </Button>
        <Button
          variant="danger"
          disabled={change.isPending}
          onClick={() =>
            change.mutate(
              { kind: 'unbind', body: { internet: side === 'internet', intranet: side === 'intranet' } },
              { onSuccess: (ref) => navigate(`/accounts/${accountId}/rollouts/${ref.changeOrderId}`) },
            )
          }
          data-testid="slb-unbind-submit"
        >
          {t('slb.unbind')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Internet- and intranet-facing load balancers of an application, bound and unbound through change orders. */
export function SlbPanel({
  accountId,
  appId,
  role,
  busyReason,
}: {
  accountId: string;
  appId: string;
  role: Role;
  busyReason?: string | undefined;
}) {
  const { t } = useI18n();
  const slbs = useAppSlbs(accountId, appId);
  const [open, setOpen] = useState<{ kind: 'bind' | 'unbind'; side: Side } | null>(null);
  const blocked = hasRole(role, 'operator') ? busyReason : t('common.requiresRole', { role: 'operator' });
  if (slbs.isPending) return <Loading />;
  if (slbs.error) return <ErrorPanel error={slbs.error} onRetry={() => void slbs.refetch()} />;
  const card = (side: Side, current: AppSlbs[Side]) => (
    <section
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid={`slb-${side}`}
      data-bound={current ? 'true' : 'false'}
    >
      <div className="flex items-center gap-3">
        <h3 className="font-semibold">{t(side === 'internet' ? 'slb.internet' : 'slb.intranet')}</h3>
        {current ? (
          <Button
            variant="danger"
            className="ml-auto"
            disabledReason={blocked}
            onClick={() => setOpen({ kind: 'unbind', side })}
            data-testid={`slb-unbind-${side}`}
          >
            {t('slb.unbind')}
          </Button>
        ) : (
          <Button
            variant="primary"
            className="ml-auto"
            disabledReason={blocked}
            onClick={() => setOpen({ kind: 'bind', side })}
            data-testid={`slb-bind-${side}`}
          >
            {t('slb.bind')}
          </Button>
        )}
      </div>
      {current ? (
        <div className="mt-2 text-sm">
          <p>
            <code>{current.slbId ?? '—'}</code> ·{' '}
            <span data-testid={`slb-ip-${side}`}>{current.ip ?? '—'}</span>
          </p>
          <ul className="mt-1 space-y-0.5">
            {current.listeners.map((l) => (
              <li key={l.port} className="font-mono text-xs">
                {l.protocol} {l.port} → {l.targetPort}
                {l.httpsCertId ? ` (${l.httpsCertId})` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-500">{t('slb.none')}</p>
      )}
    </section>
  );
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {card('internet', slbs.data.internet)}
      {card('intranet', slbs.data.intranet)}
      {open?.kind === 'bind' ? (
        <BindDialog accountId={accountId} appId={appId} side={open.side} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'unbind' ? (
        <UnbindDialog accountId={accountId} appId={appId} side={open.side} onClose={() => setOpen(null)} />
      ) : null}
    </div>
  );
}
