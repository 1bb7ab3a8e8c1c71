import type { AsQuota } from '@console/contract';
import { QueryView } from '../../../components/QueryView';
import { DataTable, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/messages';
import { useGroupQuotas, useQuotas } from './api';

const LABEL: Record<string, MessageKey> = {
  scaling_Group: 'as.quota_scaling_Group',
  scaling_Config: 'as.quota_scaling_Config',
  scaling_Policy: 'as.quota_scaling_Policy',
  scaling_Instance: 'as.quota_scaling_Instance',
  bandwidth_scaling_policy: 'as.quota_bandwidth_scaling_policy',
};

/** Quotas as a table; `used` -1 (the tenant view of per-group quotas) says so instead of a number. */
function QuotaTable({
  quotas,
  testId,
  perGroupNote,
}: {
  quotas: AsQuota[];
  testId: string;
  perGroupNote: boolean;
}) {
  const { t } = useI18n();
  return (
    <DataTable
      testId={testId}
      head={[
        t('as.quotaType'),
        t('as.quotaUsed'),
        t('as.quotaQuota'),
        t('as.quotaMax'),
        t('as.quotaMin'),
        '',
      ]}
      rows={quotas}
      row={(q) => {
        const share = q.used >= 0 && q.quota > 0 ? Math.min(1, q.used / q.quota) : undefined;
        return (
          <tr key={q.type} data-testid="as-quota-row" data-type={q.type} data-used={q.used}>
            <Td>
              {LABEL[q.type] ? t(LABEL[q.type] as MessageKey) : q.type}
              <code className="block text-xs text-slate-500">{q.type}</code>
            </Td>
            <Td>
              {q.used < 0 ? (
                <span className="text-slate-500">{perGroupNote ? t('as.perGroup') : '—'}</span>
              ) : (
                q.used
              )}
            </Td>
            <Td>{q.quota}</Td>
            <Td>{q.max}</Td>
            <Td>{q.min}</Td>
            <Td>
              {share !== undefined ? (
                <div
                  role="progressbar"
                  aria-label={t('as.quotaUsed')}
                  aria-valuemin={0}
                  aria-valuemax={q.quota}
                  aria-valuenow={q.used}
                  className="h-1.5 w-28 overflow-hidden rounded-full bg-slate-200"
                >
                  <div
                    className={`h-full ${share > 0.8 ? 'bg-red-500' : share > 0.5 ? 'bg-amber-500' : 'bg-emerald-500'}`}
                    style={{ width: `${Math.round(share * 100)}%` }}
                  />
                </div>
              ) : null}
            </Td>
          </tr>
        );
      }}
    />
  );
}

/** The tenant's AS quotas (ShowResourceQuota). */
export function QuotasTab({ accountId }: { accountId: string }) {
  const { t } = useI18n();
  const quotas = useQuotas(accountId);
  return (
    <div>
      <p className="mb-3 text-sm text-slate-600">{t('as.quotasIntro')}</p>
      <QueryView query={quotas}>
        {(data) => <QuotaTable quotas={data} testId="as-quotas-table" perGroupNote />}
      </QueryView>
    </div>
  );
}

/** One group's policy and instance quotas (ShowPolicyAndInstanceQuota). */
export function GroupQuotasPanel({ accountId, groupId }: { accountId: string; groupId: string }) {
  const quotas = useGroupQuotas(accountId, groupId);
  return (
    <QueryView query={quotas}>
      {(data) => <QuotaTable quotas={data} testId="as-group-quotas-table" perGroupNote={false} />}
    </QueryView>
  );
}
