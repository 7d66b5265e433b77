-- Signed-in browsers. Only the SHA-256 of the opaque token is kept (hex), so a copy
-- of the database does not let anyone act as a user.
CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  user_agent text
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Single-use invitations to one engagement; the link carries the token, the table its hash.
CREATE TABLE invitations (
  id uuid PRIMARY KEY,
  engagement_id uuid NOT NULL,
  email text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
  role text NOT NULL CHECK (role IN ('manager', 'auditor', 'client')),
  organization text,
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  invited_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_by uuid REFERENCES users (id),
  revoked_at timestamptz
);
CREATE INDEX invitations_engagement_email ON invitations (engagement_id, email);

-- Failed sign-ins, in the database rather than in memory so every server instance
-- behind a load balancer counts the same attempts. key: 'account:<email>' or 'ip:<addr>'.
CREATE TABLE sign_in_attempts (
  key text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX sign_in_attempts_key_at ON sign_in_attempts (key, at);
CREATE INDEX sign_in_attempts_at ON sign_in_attempts (at);

-- Building a session's actor looks up the live memberships of one user.
CREATE INDEX records_membership_user ON records ((data ->> 'userId')) WHERE kind = 'membership';
