import { ErrorPanel } from '../../../components/ErrorPanel';
import { EmptyRow, Table, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { useLogConfigs } from '../api';

/** Where the application's file logs go (ListLogConfigs). */
export function LogConfigsSection({ accountId, appId }: { accountId: string; appId: string }) {
  const { t } = useI18n();
  const configs = useLogConfigs(accountId, appId, true);
  return (
    <section>
      <h2 className="mb-2 font-semibold">{t('logs.title')}</h2>
      {configs.error ? <ErrorPanel error={configs.error} onRetry={() => void configs.refetch()} /> : null}
      {configs.data ? (
        <Table
          testId="log-configs-table"
          head={[t('logs.dir'), t('logs.type'), t('logs.store'), t('logs.project'), t('logs.logstore')]}
        >
          {configs.data.length === 0 ? (
            <EmptyRow colSpan={5}>{t('logs.none')}</EmptyRow>
          ) : (
            configs.data.map((c) => (
              <tr key={`${c.logDir}/${c.name}`} data-testid="log-config-row">
                <Td>
                  <code className="text-xs">{c.logDir}</code>
                </Td>
                <Td>{c.logType ?? '—'}</Td>
                <Td>{c.storeType ?? '—'}</Td>
                <Td>{c.slsProject ?? '—'}</Td>
                <Td>{c.slsLogStore ?? '—'}</Td>
              </tr>
            ))
          )}
        </Table>
      ) : null}
    </section>
  );
}
