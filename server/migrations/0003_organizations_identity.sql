-- Organisations (pemda are the tenants), users, role assignments, sessions and sign-in security.
CREATE TABLE organization (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type text NOT NULL CHECK (type IN ('PEMDA', 'OPD', 'UNIT', 'DPRD', 'PIHAK_KETIGA', 'FOREIGN_LOCAL_GOV',
    'FOREIGN_INSTITUTION', 'KL_PUSAT', 'GWPP', 'KEMENDAGRI_UNIT')),
  name text NOT NULL,
  short_name text,
  region_code text REFERENCES region (code),
  parent_id uuid REFERENCES organization (id),
  tenant_id uuid REFERENCES organization (id),
  legal_form text,
  country_code text CHECK (country_code ~ '^[A-Z]{2}$'),
  registry_ids jsonb NOT NULL DEFAULT '{}'::jsonb,
  website text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- A pemda is its own tenant; OPD, units and DPRD belong to one; partners and central bodies to none.
  CHECK ((type = 'PEMDA') = (tenant_id = id) OR type <> 'PEMDA'),
  CHECK (type NOT IN ('OPD', 'UNIT', 'DPRD') OR tenant_id IS NOT NULL),
  CHECK (type NOT IN ('PEMDA', 'GWPP') OR region_code IS NOT NULL)
);
CREATE UNIQUE INDEX organization_pemda_region_idx ON organization (region_code) WHERE type = 'PEMDA';
CREATE UNIQUE INDEX organization_gwpp_region_idx ON organization (region_code) WHERE type = 'GWPP';
CREATE INDEX organization_tenant_idx ON organization (tenant_id, type, name);
CREATE INDEX organization_parent_idx ON organization (parent_id);
CREATE INDEX organization_type_idx ON organization (type, name);
CREATE INDEX organization_name_trgm_idx ON organization USING gin (lower(name) gin_trgm_ops);

CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  name text NOT NULL,
  nip text,
  phone text,
  org_id uuid NOT NULL REFERENCES organization (id),
  password_hash text,
  status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
  locale text NOT NULL DEFAULT 'id' CHECK (locale IN ('id', 'en')),
  totp_secret text,
  totp_pending_secret text,
  totp_enabled_at timestamptz,
  password_changed_at timestamptz,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX app_user_email_idx ON app_user (lower(email));
CREATE INDEX app_user_org_idx ON app_user (org_id, name);

CREATE TABLE recovery_code (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz
);
CREATE INDEX recovery_code_user_idx ON recovery_code (user_id);

CREATE TABLE role_assignment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user (id),
  role text NOT NULL,
  org_id uuid NOT NULL REFERENCES organization (id),
  valid_from date NOT NULL,
  valid_to date,
  decree_ref text,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  revoked_at timestamptz,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX role_assignment_user_idx ON role_assignment (user_id);
CREATE INDEX role_assignment_org_idx ON role_assignment (org_id, role);

-- Server-side sessions: the cookie carries a random token; only its SHA-256 is stored.
CREATE TABLE user_session (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  ip text,
  user_agent text
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

-- Every sign-in attempt, for rate limits and lockout keyed by address and by e-mail (existing or not).
CREATE TABLE login_attempt (
  id bigserial PRIMARY KEY,
  email_lower text NOT NULL,
  ip text NOT NULL,
  succeeded boolean NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX login_attempt_email_idx ON login_attempt (email_lower, at DESC);
CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, at DESC);
