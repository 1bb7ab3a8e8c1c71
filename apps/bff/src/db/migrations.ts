/** Ordered schema migrations; never edit one that has shipped, append a new one. */
export const migrations: string[] = [
  `
CREATE TABLE users (
  username text PRIMARY KEY,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  username text NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE TABLE idempotency (
  scope text NOT NULL,
  key text NOT NULL,
  username text NOT NULL,
  status integer NOT NULL,
  body jsonb NOT NULL,
  fingerprint text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  username text NOT NULL,
  role text NOT NULL,
  action text NOT NULL,
  account_id text,
  resource text,
  batch_id text,
  decision text,
  outcome text NOT NULL,
  upstream_request_id text,
  detail text
);
CREATE INDEX audit_log_at ON audit_log (at DESC);
CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TABLE usage_samples (
  account_id text NOT NULL,
  app_id text NOT NULL,
  at timestamptz NOT NULL,
  cpu_cores double precision NOT NULL,
  memory_gib double precision NOT NULL,
  running_instances integer NOT NULL,
  PRIMARY KEY (account_id, app_id, at)
);
`,
  `
CREATE TABLE jobs_started (
  account_id text NOT NULL,
  app_id text NOT NULL,
  job_id text NOT NULL,
  event_id text NOT NULL,
  username text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, app_id, job_id)
);
CREATE INDEX jobs_started_app ON jobs_started (account_id, app_id, started_at DESC);
`,
  `
CREATE TABLE capacity_samples (
  account_id text NOT NULL,
  app_id text NOT NULL,
  at timestamptz NOT NULL,
  current_count integer NOT NULL,
  desired_count integer NOT NULL,
  min_count integer NOT NULL,
  max_count integer NOT NULL,
  PRIMARY KEY (account_id, app_id, at)
);
`,
  `
CREATE TABLE login_failures (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  window_start timestamptz NOT NULL
);
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
CREATE INDEX audit_log_account ON audit_log (account_id, id DESC);
`,
  `
CREATE TABLE stored_accounts (
  id text PRIMARY KEY,
  product text NOT NULL,
  name text NOT NULL,
  region_id text NOT NULL,
  endpoint text NOT NULL,
  iam_endpoint text,
  project_id text,
  profile text,
  credential_kind text NOT NULL,
  key_hint text,
  key_id text NOT NULL,
  nonce text NOT NULL,
  ciphertext text NOT NULL,
  tag text NOT NULL,
  credentials_set_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revision integer NOT NULL DEFAULT 1
);
`,
  `
CREATE TABLE live_state (
  account_id text PRIMARY KEY,
  version bigint NOT NULL,
  data jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE live_viewers (
  instance_id text PRIMARY KEY,
  until timestamptz NOT NULL
);
`,
  `
ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();
CREATE TABLE display_links (
  id text PRIMARY KEY,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  account_ids jsonb NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  revoked_by text,
  last_used_at timestamptz
);
`,
];
