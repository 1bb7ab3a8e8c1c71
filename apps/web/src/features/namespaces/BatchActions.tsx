import type { ChangeOrderRef, Role } from '@console/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../components/Button';
import { Dialog, DialogActions } from '../../components/Dialog';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useI18n } from '../../i18n/i18n';
import { api } from '../../lib/api-client';
import { hasRole } from '../../lib/roles';

/** Start or stop the ticked applications of one namespace, as one namespace-wide change order. */
export function BatchActions({
  accountId,
  namespaceId,
  apps,
  role,
}: {
  accountId: string;
  namespaceId: string | undefined;
  apps: { id: string; name: string }[];
  role: Role;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState<'start' | 'stop' | null>(null);
  const action = useMutation({
    mutationFn: (kind: 'start' | 'stop') =>
      api.post<ChangeOrderRef>(
        `/api/accounts/${encodeURIComponent(accountId)}/namespaces/${encodeURIComponent(namespaceId ?? '')}/batch-${kind}`,
        { appIds: apps.map((a) => a.id) },
      ),
    onSettled: () => client.invalidateQueries({ queryKey: ['accounts', accountId] }),
  });
  const blocked = !hasRole(role, 'operator')
    ? t('common.requiresRole', { role: 'operator' })
    : !namespaceId
      ? t('batch.chooseNamespace')
      : apps.length === 0
        ? t('batch.chooseApps')
        : undefined;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="batch-actions">
      <span className="text-sm text-slate-600">{t('instances.selected', { count: apps.length })}</span>
      <Button disabledReason={blocked} onClick={() => setOpen('start')} data-testid="batch-start">
        {t('batch.start')}
      </Button>
      <Button
        variant="danger"
        disabledReason={blocked}
        onClick={() => setOpen('stop')}
        data-testid="batch-stop"
      >
        {t('batch.stop')}
      </Button>
      {open ? (
        <Dialog
          title={t(open === 'start' ? 'batch.startTitle' : 'batch.stopTitle', {
            count: apps.length,
            namespace: namespaceId ?? '',
          })}
          onClose={() => setOpen(null)}
          busy={action.isPending}
          testId="batch-dialog"
        >
          <ul className="list-inside list-disc">
            {apps.map((a) => (
              <li key={a.id}>{a.name}</li>
            ))}
          </ul>
          {action.error ? <ErrorPanel error={action.error} /> : null}
          <DialogActions>
            <Button onClick={() => setOpen(null)} disabled={action.isPending}>
              {t('common.cancel')}
            </Button>
            <Button
              variant={open === 'stop' ? 'danger' : 'primary'}
              disabled={action.isPending}
              onClick={() =>
                action.mutate(open, {
                  onSuccess: (ref) => navigate(`/accounts/${accountId}/rollouts/${ref.changeOrderId}`),
                })
              }
              data-testid="batch-submit"
            >
              {action.isPending ? t('common.sending') : t(open === 'start' ? 'batch.start' : 'batch.stop')}
            </Button>
          </DialogActions>
        </Dialog>
      ) : null}
    </div>
  );
}
