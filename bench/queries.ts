/**
 * The SQL each benchmarked endpoint runs, as plain text for the in-process floor. Keep these in
 * step with the repositories (reference.repository.ts searchRegions, identity.repository.ts).
 */
export const FLOOR_QUERIES = {
  signIn: `SELECT * FROM app_user WHERE lower(email) = $1`,
  session: `SELECT s.id, s.csrf_token, s.last_seen_at, s.expires_at, u.id, u.email, u.name, u.status, u.org_id, o.tenant_id, u.totp_enabled_at,
      (SELECT coalesce(json_agg(json_build_object('id', ra.id, 'role', ra.role, 'orgId', ra.org_id, 'orgName', ro.name, 'orgType', ro.type,
        'orgRegionCode', ro.region_code, 'tenantId', ro.tenant_id, 'validFrom', ra.valid_from, 'validTo', ra.valid_to, 'decreeRef', ra.decree_ref,
        'revokedAt', ra.revoked_at, 'createdAt', ra.created_at) ORDER BY ra.valid_from), '[]'::json)
       FROM role_assignment ra JOIN organization ro ON ro.id = ra.org_id WHERE ra.user_id = u.id) AS roles
    FROM user_session s JOIN app_user u ON u.id = s.user_id JOIN organization o ON o.id = u.org_id
    WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
  me: `SELECT * FROM app_user WHERE id = $1`,
  organization: `SELECT * FROM organization WHERE id = (SELECT org_id FROM app_user WHERE id = $1)`,
  regionSearch: `SELECT code, level, name, parent_code, province_code, valid_from, valid_to, source_decree, count(*) OVER ()
    FROM region WHERE valid_to IS NULL AND lower(name) LIKE $1
    ORDER BY CASE WHEN lower(name) LIKE $2 THEN 0 ELSE 1 END, length(code), code LIMIT 20`,
  anySession: `SELECT token_hash, user_id FROM user_session ORDER BY created_at DESC LIMIT 1`,
} as const;
