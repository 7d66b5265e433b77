-- Users of the firm and of its clients. E-mail is stored lower-cased so uniqueness
-- ignores case without the citext extension (not in every PostgreSQL install).
CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL UNIQUE CHECK (email = lower(email) AND position('@' IN email) > 1),
  name text NOT NULL,
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  firm_role text CHECK (firm_role IN ('admin'))
);

-- The global version counter. One row, bumped with UPDATE ... RETURNING: the row lock
-- is held to commit, so versions become visible in the order they were handed out and
-- a pull at cookie N can never miss a later-committed version below N (a sequence
-- would allow that).
CREATE TABLE version_counter (
  id integer PRIMARY KEY CHECK (id = 1),
  value bigint NOT NULL
);
INSERT INTO version_counter (id, value) VALUES (1, 0);

-- Every synced record, of every kind, as validated JSON; the columns are what queries
-- filter and order on.
CREATE TABLE records (
  kind text NOT NULL,
  id uuid NOT NULL,
  engagement_id uuid NOT NULL,
  version bigint NOT NULL,
  data jsonb NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL,
  PRIMARY KEY (kind, id)
);
CREATE INDEX records_engagement_version ON records (engagement_id, version);
CREATE INDEX records_version ON records (version);

-- One row per browser profile: the last mutation applied makes push idempotent.
CREATE TABLE clients (
  client_id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  last_mutation_id bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX clients_user ON clients (user_id);

CREATE TABLE audit_events (
  id uuid PRIMARY KEY,
  engagement_id uuid NOT NULL,
  actor_id text NOT NULL,
  action text NOT NULL,
  target_kind text NOT NULL,
  target_id uuid NOT NULL,
  client_id uuid,
  client_time timestamptz,
  server_time timestamptz NOT NULL DEFAULT now(),
  version bigint NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_events_engagement_version ON audit_events (engagement_id, version);

-- Append-only is enforced by the database, not by convention.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
