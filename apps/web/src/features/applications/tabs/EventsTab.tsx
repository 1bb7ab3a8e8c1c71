import { ErrorPanel } from '../../../components/ErrorPanel';
import { Loading } from '../../../components/Spinner';
import { EmptyRow, Table, Td } from '../../../components/Table';
import { useI18n } from '../../../i18n/i18n';
import { formatTime } from '../../../lib/format';
import { useEvents } from '../api';

export function EventsTab({ accountId, appId }: { accountId: string; appId: string }) {
  const { t } = useI18n();
  const events = useEvents(accountId, appId);
  if (events.isPending) return <Loading />;
  if (events.error) return <ErrorPanel error={events.error} onRetry={() => void events.refetch()} />;
  return (
    <Table
      testId="events-table"
      head={[t('events.last'), t('events.type'), t('events.reason'), t('events.object'), t('events.message')]}
    >
      {events.data.length === 0 ? (
        <EmptyRow colSpan={5}>{t('common.empty')}</EmptyRow>
      ) : (
        events.data.map((e) => (
          <tr key={`${e.lastTimestamp}/${e.kind}/${e.objectName}/${e.reason}/${e.message}`}>
            <Td className="whitespace-nowrap">{formatTime(e.lastTimestamp)}</Td>
            <Td>
              <span className={e.type === 'Warning' ? 'font-medium text-amber-800' : ''}>{e.type}</span>
            </Td>
            <Td>{e.reason}</Td>
            <Td>
              <code className="text-xs">
                {e.kind}/{e.objectName}
              </code>
            </Td>
            <Td>{e.message}</Td>
          </tr>
        ))
      )}
    </Table>
  );
}
