import { useI18n } from '../i18n/i18n';
import { ApiRequestError } from '../lib/api-client';
import { Button } from './Button';

/** Shows a failed request as the operator needs it: the cloud's own code, message and RequestId. */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: (() => void) | undefined }) {
  const { t } = useI18n();
  const api = error instanceof ApiRequestError ? error : undefined;
  const upstream = api?.upstream;
  const message = api?.code === 'NetworkError' ? t('error.network') : (error as Error)?.message;
  return (
    <div
      role="alert"
      data-testid="error-panel"
      className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm"
    >
      <p className="font-semibold text-red-900">{upstream ? t('error.upstreamTitle') : t('error.title')}</p>
      <p className="mt-1 text-red-900">{upstream?.message ?? message}</p>
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-red-950">
        {api && api.status > 0 ? (
          <>
            {/* The console's own answer first: a 404 the cloud said with HTTP 400 is still a 404 here. */}
            <dt className="text-red-700">{t('error.consoleAnswer')}</dt>
            <dd data-testid="error-console">
              {api.status} · <code>{api.code}</code>
            </dd>
          </>
        ) : null}
        {upstream ? (
          <>
            <dt className="text-red-700">{t('error.product')}</dt>
            <dd className="uppercase">{upstream.product}</dd>
            <dt className="text-red-700">{t('error.code')}</dt>
            <dd>
              <code>{upstream.code}</code>
            </dd>
            {upstream.requestId ? (
              <>
                <dt className="text-red-700">{t('error.requestId')}</dt>
                <dd>
                  <code className="select-all">{upstream.requestId}</code>
                </dd>
              </>
            ) : null}
            {upstream.httpStatus ? (
              <>
                <dt className="text-red-700">{t('error.httpStatus')}</dt>
                <dd data-testid="error-cloud-status">{upstream.httpStatus}</dd>
              </>
            ) : null}
          </>
        ) : null}
        {api?.field ? (
          <>
            <dt className="text-red-700">{t('error.field')}</dt>
            <dd>
              <code>{api.field}</code>
            </dd>
          </>
        ) : null}
      </dl>
      {onRetry ? (
        <Button className="mt-3" onClick={onRetry}>
          {t('error.retry')}
        </Button>
      ) : null}
    </div>
  );
}
