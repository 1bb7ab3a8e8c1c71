import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * The AccessKeyId a request names: ROA `Authorization: acs <id>:<signature>`, signature V3
 * `Authorization: ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=...`, or `x-acs-accesskey-id`.
 */
export function claimedAccessKeyId(req: Request): string | undefined {
  const auth = String(req.headers.authorization ?? '').trim();
  const roa = /^acs\s+([^:\s]+):/i.exec(auth);
  if (roa) return roa[1];
  const v3 = /^ACS3-[A-Z0-9-]+\s+.*?\bCredential=([^,\s]+)/i.exec(auth);
  if (v3) return v3[1];
  const header = req.headers['x-acs-accesskey-id'];
  return typeof header === 'string' && header ? header : undefined;
}

export interface SaeAccount {
  accessKeyId: string;
  /** Serves this account only: it verifies signatures against this account's secret alone. */
  handler: RequestHandler;
}

/**
 * Sends each request to the simulated account whose AccessKeyId it names; the chosen handler then
 * verifies the signature with that account's secret, so an account's profile and world answer only
 * requests its own key signed. Anything else (unknown or missing key) goes to `fallback`, which
 * answers the standard signature errors.
 */
export function dispatchByAccount(accounts: readonly SaeAccount[], fallback: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const id = claimedAccessKeyId(req);
    const account = id === undefined ? undefined : accounts.find((a) => a.accessKeyId === id);
    return (account?.handler ?? fallback)(req, res, next);
  };
}
