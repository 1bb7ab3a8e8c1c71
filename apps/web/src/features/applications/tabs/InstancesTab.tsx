import { ErrorPanel } from '../../../components/ErrorPanel';
import { Loading } from '../../../components/Spinner';
import { EmptyRow, Table, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { formatTime, imageTag } from '../../../lib/format';
import { useInstances } from '../api';

export function InstancesTab({
  accountId,
  appId,
  live,
}: {
  accountId: string;
  appId: string;
  live: boolean;
}) {
  const { t, locale } = useI18n();
  const instances = useInstances(accountId, appId, live);
  if (instances.isPending) return <Loading />;
  if (instances.error) return <ErrorPanel error={instances.error} onRetry={() => void instances.refetch()} />;
  return (
    <Table
      testId="instances-table"
      head={[
        t('instances.id'),
        t('instances.group'),
        t('instances.ip'),
        t('instances.status'),
        t('instances.health'),
        t('instances.restarts'),
        t('instances.version'),
        t('instances.created'),
      ]}
    >
      {instances.data.length === 0 ? (
        <EmptyRow colSpan={8}>{t('instances.none')}</EmptyRow>
      ) : (
        instances.data.map((i) => (
          <tr key={i.id} data-testid="instance-row">
            <Td>
              <code className="text-xs">{i.id}</code>
            </Td>
            <Td>
              <code className="text-xs">{i.groupId}</code>
            </Td>
            <Td>{i.ip ?? '—'}</Td>
            <Td>
              <code className="text-xs">{i.status}</code>
            </Td>
            <Td>{i.health ?? '—'}</Td>
            <Td>{i.restarts}</Td>
            <Td>
              <span title={i.imageUrl}>{imageTag(i.imageUrl) ?? i.version ?? '—'}</span>
            </Td>
            <Td>{formatTime(i.createdAt, locale)}</Td>
          </tr>
        ))
      )}
    </Table>
  );
}
