-- Reference data: the official region master (Kemendagri kode wilayah, versioned), urusan
-- pemerintahan and the strategic issues list.
CREATE TABLE region_dataset (
  id serial PRIMARY KEY,
  source text NOT NULL,
  source_decree text NOT NULL,
  valid_from date NOT NULL,
  checksum text NOT NULL UNIQUE,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE region (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$'),
  level text NOT NULL CHECK (level IN ('PROVINSI', 'KABUPATEN', 'KOTA', 'KECAMATAN', 'DESA')),
  name text NOT NULL,
  parent_code text REFERENCES region (code),
  province_code text NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  source_decree text NOT NULL,
  dataset_id integer REFERENCES region_dataset (id),
  successor_codes text[] NOT NULL DEFAULT '{}',
  lon double precision,
  lat double precision
);
CREATE INDEX region_parent_idx ON region (parent_code, code);
CREATE INDEX region_level_idx ON region (level, code);
CREATE INDEX region_name_trgm_idx ON region USING gin (lower(name) gin_trgm_ops);

-- Kecamatan and desa are loaded per parent on first request; this remembers which parents are done.
CREATE TABLE region_children_loaded (
  parent_code text PRIMARY KEY REFERENCES region (code),
  loaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE urusan (
  code text PRIMARY KEY,
  name_id text NOT NULL,
  name_en text NOT NULL,
  urusan_group text NOT NULL CHECK (urusan_group IN ('WAJIB_PD', 'WAJIB_NON_PD', 'PILIHAN', 'PENUNJANG')),
  parent_code text REFERENCES urusan (code),
  sort integer NOT NULL
);

CREATE TABLE strategic_issue (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_]{2,40}$'),
  name_id text NOT NULL,
  name_en text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  sort integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
