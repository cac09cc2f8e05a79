import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute, type Policy } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import { contentDisposition } from '../files/index.js';
import * as s from './meetings.schemas.js';
import * as uc from './meetings.usecases.js';
import { invite } from './invitations.usecases.js';
import * as minutes from './minutes.usecases.js';

export type MeetingDeps = { db: Db; clock: Clock; publicUrl: string; mailFrom: string };

const tags = ['Meetings'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const read: Policy = { kind: 'authenticated' };
const manage: Policy = { kind: 'permission', permission: 'meeting.manage' };
const writeProblems = problemResponses(400, 401, 403, 404, 409, 422);
const base = '/api/meetings/{id}';
const one = { 200: { description: 'The meeting', content: json(s.MeetingSchema) }, ...writeProblems };

/** A change of one meeting by its managers: body in, the meeting out. */
const change = <B extends z.ZodType>(method: 'post' | 'put' | 'patch', path: string, summary: string, body: B, policy: Policy = manage) =>
  defineRoute({ method, path: `${base}${path}`, tags, summary, policy, request: { params: s.MeetingParamSchema, body: { required: true, content: json(body) } }, responses: one });

const routes = {
  list: defineRoute({
    method: 'get',
    path: '/api/meetings',
    tags,
    summary: "Meetings of the reader's pemda and those they are invited to, newest first; filters by type, status, days and cooperation",
    policy: read,
    request: { query: s.ListQuerySchema },
    responses: { 200: { description: 'Meetings', content: json(s.MeetingListSchema) }, ...problemResponses(400, 401) },
  }),
  get: defineRoute({
    method: 'get',
    path: base,
    tags,
    summary: 'One meeting with agenda, invitees, attendance, minutes, decisions and follow-up actions',
    policy: read,
    request: { params: s.MeetingParamSchema },
    responses: { 200: { description: 'The meeting', content: json(s.MeetingSchema) }, ...problemResponses(400, 401, 404) },
  }),
  ics: defineRoute({
    method: 'get',
    path: `${base}/calendar.ics`,
    tags,
    summary: 'The meeting as an iCalendar file (RFC 5545) for the reader’s calendar',
    policy: read,
    request: { params: s.MeetingParamSchema },
    responses: { 200: { description: 'The calendar entry', content: { 'text/calendar': { schema: z.string() } } }, ...problemResponses(400, 401, 404) },
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/meetings',
    tags,
    summary: "Plan a meeting of the actor's pemda (a draft until invitations are sent)",
    policy: manage,
    request: { body: { required: true, content: json(s.MeetingCreateSchema) } },
    responses: { 201: { description: 'Created', content: json(s.MeetingSchema) }, ...writeProblems },
  }),
  update: change('put', '', 'Change the details of a draft or invited meeting; a new time of an invited one goes through reschedule (409)', s.MeetingUpdateSchema),
  invite: change('post', '/invitations', 'Invite people of the pemda and external guests; each new invitee gets an e-mail with the .ics (METHOD:REQUEST)', s.InviteSchema),
  reschedule: change('post', '/reschedule', 'Move an invited meeting: SEQUENCE goes up and every invitee gets the updated .ics', s.RescheduleSchema),
  cancel: change('post', '/cancel', 'Cancel a draft or invited meeting; invitees get METHOD:CANCEL', s.CancelSchema),
  attendance: change('put', '/attendance', 'Record attendance (present, absent, excused) and walk-in attendees', s.AttendanceSchema),
  minutes: change('put', '/minutes', 'Write the minutes (notulen); the meeting becomes HELD. Finalised minutes are locked (409)', s.MinutesSchema),
  decisions: change('put', '/decisions', 'Replace the numbered decisions', s.DecisionsSchema),
  finalise: change('post', '/minutes/finalise', 'Finalise the minutes: attendance, minutes, decisions and actions are locked from now on', z.strictObject({})),
  createAction: change('post', '/actions', 'Add a follow-up action with an owner of the pemda and a due date; it reaches the owner’s reminders', s.ActionCreateSchema),
  actionStatus: defineRoute({
    method: 'put',
    path: `${base}/actions/{actionId}/status`,
    tags,
    summary: 'Mark a follow-up action done or open again (its owner or a meeting manager)',
    policy: read,
    request: { params: s.ActionParamSchema, body: { required: true, content: json(s.ActionStatusSchema) } },
    responses: one,
  }),
};

/** Registers the meeting routes under /api/meetings. */
export const registerMeetingRoutes = (app: OpenAPIHono<AppEnv>, { db, clock, publicUrl, mailFrom }: MeetingDeps) => {
  const deps = (c: Context<AppEnv>) => ({ db, clock, publicUrl, mailFrom, audit: auditContextOf(c), actor: c.get('actor')!, lang: c.get('lang') });
  const id = (c: Context<AppEnv>) => c.req.param('id')!;

  app.openapi(routes.list, async (c) => c.json(await uc.listMeetings({ db, actor: c.get('actor')!, query: c.req.valid('query') }), 200));
  app.openapi(routes.get, async (c) => c.json(await uc.getMeeting({ db, actor: c.get('actor')!, id: c.req.valid('param').id }), 200));
  app.openapi(routes.ics, async (c) => {
    const text = await uc.calendarFile({ db, actor: c.get('actor')!, id: c.req.valid('param').id, mailFrom, publicUrl, now: clock.now() });

    return c.body(text, 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': contentDisposition('rapat.ics'), 'cache-control': 'private, no-cache' }) as never;
  });
  app.openapi(routes.create, async (c) => c.json(await uc.createMeeting(deps(c), c.req.valid('json')), 201));
  app.openapi(routes.update, async (c) => c.json(await uc.updateMeeting(deps(c), id(c), c.req.valid('json')), 200));
  app.openapi(routes.invite, async (c) => {
    await invite(deps(c), id(c), c.req.valid('json'));

    return c.json(await uc.getMeeting({ db, actor: c.get('actor')!, id: id(c) }), 200);
  });
  app.openapi(routes.reschedule, async (c) => c.json(await uc.rescheduleMeeting(deps(c), id(c), c.req.valid('json')), 200));
  app.openapi(routes.cancel, async (c) => c.json(await uc.cancelMeeting(deps(c), id(c), c.req.valid('json').reason), 200));
  app.openapi(routes.attendance, async (c) => c.json(await minutes.recordAttendance(deps(c), id(c), c.req.valid('json')), 200));
  app.openapi(routes.minutes, async (c) => c.json(await minutes.recordMinutes(deps(c), id(c), c.req.valid('json').minutes), 200));
  app.openapi(routes.decisions, async (c) => c.json(await minutes.recordDecisions(deps(c), id(c), c.req.valid('json').decisions), 200));
  app.openapi(routes.finalise, async (c) => c.json(await minutes.finaliseMinutes(deps(c), id(c)), 200));
  app.openapi(routes.createAction, async (c) => c.json(await minutes.createAction(deps(c), id(c), c.req.valid('json')), 200));
  app.openapi(routes.actionStatus, async (c) => {
    const p = c.req.valid('param');

    return c.json(await minutes.setActionStatus(deps(c), p.id, p.actionId, c.req.valid('json').status), 200);
  });
};
