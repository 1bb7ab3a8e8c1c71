import type { AppSlbs, Role, SlbListener } from '@console/contract';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../components/Button';
import { ConfirmActionDialog } from '../../components/ConfirmActionDialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { inputBase, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { RowsEditor } from '../../components/RowsEditor';
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
      <TextField
        label={t('slb.existing')}
        hint={t('slb.existingHint')}
        value={slbId}
        onChange={setSlbId}
        testId="slb-id"
      />
      <RowsEditor
        columns={[
          {
            head: t('slb.protocol'),
            cell: (r, set) => (
              <select
                className={inputBase}
                value={r.protocol}
                onChange={(e) => set({ protocol: e.target.value as Row['protocol'] })}
                data-testid="slb-protocol"
              >
                <option value="TCP">TCP</option>
                <option value="HTTP">HTTP</option>
                <option value="HTTPS">HTTPS</option>
              </select>
            ),
          },
          {
            head: t('slb.port'),
            cell: (r, set) => (
              <input
                className={`${inputBase} w-24`}
                type="number"
                value={r.port}
                onChange={(e) => set({ port: e.target.value })}
                data-testid="slb-port"
              />
            ),
          },
          {
            head: t('slb.targetPort'),
            cell: (r, set) => (
              <input
                className={`${inputBase} w-24`}
                type="number"
                value={r.targetPort}
                onChange={(e) => set({ targetPort: e.target.value })}
                data-testid="slb-target-port"
              />
            ),
          },
          {
            head: t('slb.cert'),
            cell: (r, set) => (
              <input
                className={`${inputBase} w-40`}
                value={r.httpsCertId}
                disabled={r.protocol !== 'HTTPS'}
                onChange={(e) => set({ httpsCertId: e.target.value })}
                data-testid="slb-cert"
              />
            ),
          },
        ]}
        rows={rows}
        onChange={setRows}
        newRow={{ port: '', targetPort: '8080', protocol: 'TCP', httpsCertId: '' }}
        fullWidth={false}
        rowTestId="slb-listener"
        removeLabel={t('scaling.removeSchedule')}
        addLabel={t('slb.addListener')}
        addTestId="slb-add"
      />
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
    <ConfirmActionDialog
      title={t(side === 'internet' ? 'slb.unbindInternet' : 'slb.unbindIntranet')}
      confirmLabel={t('slb.unbind')}
      pending={change.isPending}
      error={change.error}
      onCancel={onClose}
      onConfirm={() =>
        change.mutate(
          { kind: 'unbind', body: { internet: side === 'internet', intranet: side === 'intranet' } },
          { onSuccess: (ref) => navigate(`/accounts/${accountId}/rollouts/${ref.changeOrderId}`) },
        )
      }
      testId="slb-unbind-dialog"
      confirmTestId="slb-unbind-submit"
    >
      <p>{t('slb.unbindBody')}</p>
    </ConfirmActionDialog>
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
