import * as z from 'zod/mini';
import { Id, PageQuery, page, Timestamp } from '../common.js';
import { Auth, defineEndpoint, Retry } from '../endpoint.js';
import { TitleType } from '../schemas/catalog.js';
import {
  ScheduleDay,
  ScheduleItem,
  ScheduleKindList,
  ScheduleReminder,
  ScheduleReminderRequest,
  ScheduleTimeZone,
} from '../schemas/discovery.js';

/** Filters every schedule view takes. */
const ScheduleFilters = z.object({
  /** Comma-separated kinds: `premiere,new_season`. Default all. */
  kind: z.optional(ScheduleKindList),
  type: z.optional(TitleType),
  genre: z.optional(z.string().check(z.maxLength(400))),
  /** Only items the active profile has a reminder for. */
  reminders_only: z.optional(z.stringbool()),
});

/** Day boundaries for "today" and "this week". Default UTC. */
const DayQuery = z.extend(ScheduleFilters, { tz: z.optional(ScheduleTimeZone) });

export const scheduleList = defineEndpoint({
  operation: 'schedule.list',
  method: 'GET',
  path: '/schedule',
  summary:
    'Releases and departures between `from` and `to` (at most 62 days apart; default the next 30 days), ' +
    'in release order, over cursors',
  query: z.extend(z.extend(PageQuery, ScheduleFilters.def.shape), {
    from: z.optional(Timestamp),
    to: z.optional(Timestamp),
  }),
  response: z.extend(page(ScheduleItem), { from: Timestamp, to: Timestamp }),
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-schedule'],
});

export const scheduleToday = defineEndpoint({
  operation: 'schedule.today',
  method: 'GET',
  path: '/schedule/today',
  summary: 'Everything released (or leaving) today in the given time zone',
  query: DayQuery,
  response: z.extend(ScheduleDay, { tz: z.string() }),
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-schedule', 'reel-home'],
});

export const scheduleWeek = defineEndpoint({
  operation: 'schedule.week',
  method: 'GET',
  path: '/schedule/week',
  summary: 'This week (or the week `offset` weeks away), day by day, in the given time zone',
  query: z.extend(DayQuery, {
    /** First day of the week. Default monday. */
    week_start: z.optional(z.enum(['monday', 'sunday'])),
    /** -1 last week ("New this week" looks back), 1 next week … */
    offset: z.optional(z.coerce.number().check(z.int(), z.minimum(-8), z.maximum(8))),
  }),
  response: z.object({
    from: z.iso.date(),
    to: z.iso.date(),
    tz: z.string(),
    /** Seven days, each possibly empty. */
    days: z.array(ScheduleDay),
  }),
  auth: Auth.optional,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-schedule', 'reel-home'],
});

export const scheduleSetReminder = defineEndpoint({
  operation: 'schedule.setReminder',
  method: 'POST',
  path: '/schedule/{item_id}/reminder',
  summary:
    'Remind the active profile when the item is released (a notification, §25). Setting it again ' +
    'updates it; 422 when the item is already released',
  params: z.object({ item_id: Id }),
  body: ScheduleReminderRequest,
  status: 201,
  response: ScheduleReminder,
  errors: [422],
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-schedule', 'reel-title-detail'],
});

export const scheduleDeleteReminder = defineEndpoint({
  operation: 'schedule.deleteReminder',
  method: 'DELETE',
  path: '/schedule/{item_id}/reminder',
  summary: 'Cancel the reminder',
  params: z.object({ item_id: Id }),
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-schedule', 'reel-title-detail'],
});

/** Release calendar: premieres, new episodes and seasons, titles leaving; reminders (§14). */
export const schedule = {
  list: scheduleList,
  today: scheduleToday,
  week: scheduleWeek,
  setReminder: scheduleSetReminder,
  deleteReminder: scheduleDeleteReminder,
} as const;
