import { createHash, randomBytes } from 'node:crypto';
import type { CreateDisplayLinkBody, DisplayLink } from '@console/contract';
import type { Request } from 'express';
import type { Database, Queryable } from '../db/database';
import { HttpError, NotFoundError } from '../http/errors';
import type { DisplayGrant } from '../http/routing';

interface Row {
  id: string;
  name: string;
  account_ids: string[];
  created_by: string;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  last_used_at: Date | null;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
/** A screen's read is written as its last use at most this often. */
const USE_WRITE_SECONDS = 60;

function toLink(row: Row): DisplayLink {
  const expired = row.expires_at !== null && new Date(row.expires_at).getTime() <= Date.now();
  return {
    id: row.id,
    name: row.name,
    accountIds: row.account_ids,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: iso(row.expires_at),
    revokedAt: iso(row.revoked_at),
    revokedBy: row.revoked_by,
    lastUsedAt: iso(row.last_used_at),
    state: row.revoked_at ? 'revoked' : expired ? 'expired' : 'active',
  };
}

const COLUMNS =
  'id, name, account_ids, created_by, created_at, expires_at, revoked_at, revoked_by, last_used_at';

/**
 * Display links for wall screens: the token is shown once at creation and only its hash is kept. Every
 * read checks the database, so that a revocation made on any instance applies on all of them at once.
 */
export class DisplayLinkStore {
  constructor(private readonly db: Database) {}

  async create(
    body: CreateDisplayLinkBody,
    createdBy: string,
    via: Queryable = this.db,
  ): Promise<{ link: DisplayLink; token: string }> {
    const id = randomBytes(6).toString('hex');
    const token = `dl_${randomBytes(32).toString('base64url')}`;
    const expiresAt = body.expiresInHours ? new Date(Date.now() + body.expiresInHours * 3_600_000) : null;
    const [row] = await via.query<Row>(
      `INSERT INTO display_links (id, name, token_hash, account_ids, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [id, body.name, hashToken(token), JSON.stringify(body.accountIds), createdBy, expiresAt],
    );
    if (!row) throw new Error('display link not stored');
    return { link: toLink(row), token };
  }

  async list(): Promise<DisplayLink[]> {
    const rows = await this.db.query<Row>(`SELECT ${COLUMNS} FROM display_links ORDER BY created_at DESC`);
    return rows.map(toLink);
  }

  async revoke(id: string, by: string, via: Queryable = this.db): Promise<DisplayLink> {
    const [row] = await via.query<Row>(
      `UPDATE display_links SET revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, $2)
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, by],
    );
    if (!row) throw new NotFoundError(`No display link with id "${id}".`);
    return toLink(row);
  }

  /** The grant of a token, or a 401 that says why the screen may no longer read. */
  async verify(token: string): Promise<DisplayGrant> {
    const [row] = await this.db.query<Row>(`SELECT ${COLUMNS} FROM display_links WHERE token_hash = $1`, [
      hashToken(token),
    ]);
    if (!row)
      throw new HttpError(401, 'DisplayLinkUnknown', 'This display link is not known to the console.');
    const link = toLink(row);
    if (link.state === 'revoked') {
      throw new HttpError(401, 'DisplayLinkRevoked', `The display link "${link.name}" was revoked.`);
    }
    if (link.state === 'expired') {
      throw new HttpError(401, 'DisplayLinkExpired', `The display link "${link.name}" expired.`);
    }
    await this.db.query(
      `UPDATE display_links SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2))`,
      [row.id, USE_WRITE_SECONDS],
    );
    return { linkId: link.id, name: link.name, accountIds: link.accountIds, expiresAt: link.expiresAt };
  }

  /** The grant a request presents in `Authorization: Display <token>`, if it presents one. */
  async fromRequest(req: Request): Promise<DisplayGrant | undefined> {
    const match = /^Display\s+(\S+)$/i.exec(req.get('authorization') ?? '');
    return match?.[1] ? this.verify(match[1]) : undefined;
  }
}
