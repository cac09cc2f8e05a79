-- Invitations: an account created for someone (a partner's contact) who sets their own password
-- through a one-time link. Only the SHA-256 of the token is stored.
CREATE TABLE user_invitation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX user_invitation_user_idx ON user_invitation (user_id);
