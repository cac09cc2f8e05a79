-- TKKSD and OPD liaisons (issue 5, item 1; ksd-domain §4.1, §4.3, §8.2).
-- A TKKSD is formed by a Keputusan Kepala Daerah that is usually renewed every year, so a team is
-- a series of periods, each with its own decree and members. Liaisons (PPKSD) are appointed per OPD
-- by their own decree. People with an account are linked to the role assignment the appointment
-- granted, so permissions follow the decree; people without one keep only a name and a position.

CREATE TABLE tkksd_period (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES organization (id),
  title text NOT NULL,
  decree_number text NOT NULL,
  decree_date date NOT NULL,
  decree_file_id uuid REFERENCES stored_file (id),
  valid_from date NOT NULL,
  -- Null: until a new decree replaces it.
  valid_to date,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX tkksd_period_tenant_idx ON tkksd_period (tenant_id, valid_from DESC);

CREATE TABLE tkksd_member (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  period_id uuid NOT NULL REFERENCES tkksd_period (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES organization (id),
  position text NOT NULL CHECK (position IN ('KETUA', 'WAKIL_KETUA', 'SEKRETARIS', 'ANGGOTA')),
  -- A user of the pemda, or null for someone without an account (name and jabatan only).
  user_id uuid REFERENCES app_user (id),
  person_name text NOT NULL,
  person_title text,
  -- The OPD (or the pemda itself) the member represents.
  org_id uuid NOT NULL REFERENCES organization (id),
  valid_from date NOT NULL,
  valid_to date,
  role_assignment_id uuid REFERENCES role_assignment (id),
  ended_reason text,
  created_at timestamptz NOT NULL,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX tkksd_member_period_idx ON tkksd_member (period_id);
CREATE INDEX tkksd_member_user_idx ON tkksd_member (user_id) WHERE user_id IS NOT NULL;

CREATE TABLE liaison (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES organization (id),
  opd_id uuid NOT NULL REFERENCES organization (id),
  user_id uuid REFERENCES app_user (id),
  person_name text NOT NULL,
  person_title text,
  decree_number text NOT NULL,
  decree_date date NOT NULL,
  decree_file_id uuid REFERENCES stored_file (id),
  valid_from date NOT NULL,
  valid_to date,
  role_assignment_id uuid REFERENCES role_assignment (id),
  ended_reason text,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX liaison_tenant_idx ON liaison (tenant_id, opd_id);
CREATE INDEX liaison_user_idx ON liaison (user_id) WHERE user_id IS NOT NULL;
