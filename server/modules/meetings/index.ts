export { registerMeetingRoutes, type MeetingDeps } from './meetings.routes.js';
export { meetingJobs, meetingSchedules, MEETINGS_DAILY_JOB } from './meetings.jobs.js';
export { runActionReminders } from './reminders.usecases.js';
export { createMeeting, getMeeting, listMeetings, meetingsForCycle, meetingRecord } from './meetings.usecases.js';
export { invite as inviteToMeeting } from './invitations.usecases.js';
export { recordAttendance, recordMinutes, recordDecisions, finaliseMinutes, createAction as createMeetingAction } from './minutes.usecases.js';
export { MEETING_TYPES, type MeetingType } from './meetings.tables.js';
