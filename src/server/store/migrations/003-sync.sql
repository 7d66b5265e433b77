-- Mutations the server refused, kept so their author can be shown what and why. The
-- arguments are kept as JSON text: they failed validation, so they may hold anything,
-- including escapes jsonb refuses (\u0000).
CREATE TABLE mutation_rejections (
  client_id uuid NOT NULL REFERENCES clients (client_id),
  mutation_id bigint NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  name text NOT NULL,
  args_json text NOT NULL,
  code text NOT NULL,
  message text NOT NULL,
  client_time timestamptz,
  rejected_at timestamptz NOT NULL,
  PRIMARY KEY (client_id, mutation_id)
);
CREATE INDEX mutation_rejections_user ON mutation_rejections (user_id, rejected_at);

-- What a client was sent, per cookie it was answered: the engagements (with the role and
-- organisation it saw them as) whose records it holds complete up to that version. Kept
-- per cookie, not as one "last sent" value, because an answer can be lost: the client
-- then asks again with its older cookie, and must be answered from that cookie's scope.
-- Rows below the cookie a client sends are deleted: it has moved past them.
CREATE TABLE client_scopes (
  client_id uuid NOT NULL REFERENCES clients (client_id),
  cookie bigint NOT NULL,
  scope jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, cookie)
);

-- A client contact is sent a request's comments and attachments again when the request
-- changes (it may just have become visible): these find them without a scan.
CREATE INDEX records_comment_target ON records (engagement_id, (data ->> 'targetId')) WHERE kind = 'comment';
CREATE INDEX records_attachment_owner ON records (engagement_id, (data ->> 'ownerId')) WHERE kind = 'attachment';
