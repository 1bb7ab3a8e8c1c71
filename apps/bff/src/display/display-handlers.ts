import type { routes } from '@console/contract';
import type { AuditLog } from '../audit/audit-log';
import type { Database } from '../db/database';
import { HttpError } from '../http/errors';
import type { HandlersOf } from '../http/routing';
import type { DisplayLinkStore } from './display-links';

type DisplayAdminRoutes = Pick<typeof routes, 'listDisplayLinks' | 'createDisplayLink' | 'revokeDisplayLink'>;

export interface DisplayAdminDeps {
  db: Database;
  links: DisplayLinkStore;
  audit: AuditLog;
  /** Ids of the accounts connected now: a link may name only these. */
  accountIds(): string[];
}

/** The admin's display links: create (token shown once), list with last use, revoke; each audited. */
export function displayAdminHandlers(deps: DisplayAdminDeps): HandlersOf<DisplayAdminRoutes> {
  const { db, links, audit } = deps;
  return {
    async listDisplayLinks() {
      return links.list();
    },
    async createDisplayLink({ body, session }) {
      const known = new Set(deps.accountIds());
      const unknown = body.accountIds.find((id) => !known.has(id));
      if (unknown !== undefined) {
        throw new HttpError(
          400,
          'InvalidInput',
          `body field "accountIds": no account with id "${unknown}".`,
          {
            field: 'accountIds',
          },
        );
      }
      // The link and its audit record together, or neither.
      return db.transaction(async (tx) => {
        const created = await links.create(body, session.user.username, tx);
        await audit.append(
          {
            username: session.user.username,
            role: session.user.role,
            action: 'display-link-create',
            resource: `display-link/${created.link.id}`,
            outcome: 'success',
            detail: `${body.name}: ${body.accountIds.join(',')}${body.expiresInHours ? `; expires in ${body.expiresInHours} h` : ''}`,
          },
          tx,
        );
        return created;
      });
    },
    async revokeDisplayLink({ params, session }) {
      return db.transaction(async (tx) => {
        const link = await links.revoke(params.linkId, session.user.username, tx);
        await audit.append(
          {
            username: session.user.username,
            role: session.user.role,
            action: 'display-link-revoke',
            resource: `display-link/${link.id}`,
            outcome: 'success',
            detail: link.name,
          },
          tx,
        );
        return link;
      });
    },
  };
}
