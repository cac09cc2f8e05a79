import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from '@hono/zod-openapi';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { projectRoot } from '../../platform/paths.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { documentErrors } from './documents.errors.js';
import { TEMPLATE_TYPES, type DraftSection, type TemplateType } from './documents.models.js';
import * as repo from './documents.repository.js';
import { SectionSchema, type TemplateCreateInput, type TemplateDto } from './documents.schemas.js';

export type Template = { id: string; tenantId: string | null; type: TemplateType; version: number; name: string; sections: DraftSection[]; builtIn: boolean; createdAt: Date | null };

const TemplateFileSchema = z.strictObject({
  id: z.uuid(),
  type: z.enum(TEMPLATE_TYPES),
  version: z.literal(1),
  name: z.string().min(1),
  sections: z.array(SectionSchema).min(1),
});

/**
 * The national templates shipped in data/templates, version 1 of each type. They live in files so
 * a release can improve them; administrators publish later versions in the database. Checked at
 * start-up so a broken file fails fast.
 */
export const TEMPLATES_DIR = path.join(projectRoot, 'server', 'modules', 'cooperations', 'data', 'templates');
export const SHIPPED_TEMPLATES: ReadonlyMap<TemplateType, Template> = new Map(
  TEMPLATE_TYPES.map((type) => {
    const file = TemplateFileSchema.parse(JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, `${type}.json`), 'utf8')));
    if (file.type !== type) throw new Error(`template file ${type}.json declares type ${file.type}`);

    return [type, { ...file, tenantId: null, builtIn: true, createdAt: null }] as const;
  }),
);

const ofRow = (r: repo.TemplateRow): Template => ({
  id: r.id,
  tenantId: r.tenantId,
  type: r.type as TemplateType,
  version: r.version,
  name: r.name,
  sections: r.sections as DraftSection[],
  builtIn: false,
  createdAt: r.createdAt,
});

/** National templates are the platform's; a pemda's are kept by its tenant or KSD secretariat administrators. */
export const canManageTemplates = (actor: Pick<Actor, 'roles'>, tenantId: string | null) =>
  tenantId === null
    ? actor.roles.some((r) => r.role === 'PLATFORM_ADMIN')
    : actor.roles.some((r) => r.tenantId === tenantId && (r.role === 'TENANT_ADMIN' || r.role === 'KSD_SECRETARIAT_ADMIN'));

export const presentTemplate = (t: Template, actor: Pick<Actor, 'roles'>): TemplateDto => ({
  id: t.id,
  tenantId: t.tenantId,
  scope: t.tenantId ? 'TENANT' : 'NATIONAL',
  type: t.type,
  version: t.version,
  name: t.name,
  sections: t.sections,
  builtIn: t.builtIn,
  editable: canManageTemplates(actor, t.tenantId),
  createdAt: t.createdAt ? t.createdAt.toISOString() : null,
});

/** The latest national template of every type and the latest of the tenant's own, by type. */
export const latestTemplatesFor = async ({ db, tenantId, type }: { db: Db; tenantId: string | null; type?: TemplateType | undefined }): Promise<Template[]> => {
  const rows = (await repo.latestTemplates(db, tenantId, type)).map(ofRow);
  const national = TEMPLATE_TYPES.filter((t) => !type || t === type).map((t) => rows.find((r) => r.tenantId === null && r.type === t) ?? SHIPPED_TEMPLATES.get(t)!);

  return [...national, ...rows.filter((r) => r.tenantId !== null)];
};

/** National templates and those of the reader's own pemda. */
export const listTemplates = async ({ db, actor, type }: { db: Db; actor: Actor; type?: TemplateType | undefined }) => {
  const items = await latestTemplatesFor({ db, tenantId: actor.tenantId, type });

  return items.map((t) => presentTemplate(t, actor));
};

/**
 * The template a draft starts from: the one asked for (national or the pemda's own), else the
 * pemda's latest of the type, else the latest national one.
 */
export const templateForDraft = async ({ db, tenantId, type, templateId }: { db: Db; tenantId: string | null; type: TemplateType; templateId?: string | undefined }) => {
  if (templateId) {
    const shipped = [...SHIPPED_TEMPLATES.values()].find((t) => t.id === templateId);
    const row = shipped ? undefined : await repo.findTemplate(db, templateId);
    const found = shipped ?? (row ? ofRow(row) : undefined);
    if (!found || (found.tenantId !== null && found.tenantId !== tenantId)) throw documentErrors.templateNotFound();
    if (found.type !== type) throw documentErrors.templateTypeMismatch({ templateType: found.type, type });

    return found;
  }
  const latest = await latestTemplatesFor({ db, tenantId, type });

  return latest.find((t) => t.tenantId !== null) ?? latest[0]!;
};

/**
 * Publishes a new version of a template: for the actor's own pemda, or nationally (platform
 * administrators). Versions are never edited, so drafts keep pointing at what they came from.
 */
export const createTemplate = async ({ db, clock, audit, actor, input }: { db: Db; clock: Clock; audit: AuditContext; actor: Actor; input: TemplateCreateInput }) => {
  const tenantId = input.scope === 'NATIONAL' ? null : actor.tenantId;
  if ((input.scope === 'TENANT' && !tenantId) || !canManageTemplates(actor, tenantId)) throw documentErrors.templateForbidden();
  const id = randomUUID();

  return db.transaction(async (tx) => {
    // The audit row goes first: it takes the audit chain's lock, which also serialises two
    // administrators publishing the same template, so both get distinct version numbers.
    const current = async () => Math.max(await repo.maxTemplateVersion(tx, tenantId, input.type), tenantId === null ? 1 : 0);
    await recordAudit({
      tx,
      clock,
      context: audit,
      entry: { action: 'document_template.create', entityType: 'document_template', entityId: id, tenantId, diff: { type: input.type, name: input.name, sections: input.sections.length } },
    });
    const row = await repo.insertTemplate(tx, {
      id,
      tenantId,
      type: input.type,
      version: (await current()) + 1,
      name: input.name,
      sections: input.sections,
      createdBy: actor.userId,
      createdAt: clock.now(),
    });

    return presentTemplate(ofRow(row), actor);
  });
};
