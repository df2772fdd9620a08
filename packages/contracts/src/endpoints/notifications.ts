import * as z from 'zod/mini';
import { IdParams, PageQuery, QueryBool } from '../common.js';
import { Auth, BodyKind, defineEndpoint, Retry } from '../endpoint.js';
import {
  NotificationEvent,
  NotificationKind,
  NotificationPage,
  NotificationPreferences,
  NotificationPreferencesBody,
  NotificationReadAllBody,
  NotificationReadAllResult,
  NotificationReadResult,
  PushPublicKey,
  PushSubscriptionBody,
  PushSubscriptionRecord,
} from '../schemas/viewer.js';

const NotificationQuery = z.extend(PageQuery, {
  /** `true`: unread ones only. */
  unread_only: z.optional(QueryBool),
  kind: z.optional(NotificationKind),
});

export const notificationsList = defineEndpoint({
  operation: 'notifications.list',
  method: 'GET',
  path: '/notifications',
  summary: 'Notifications, newest first, with the unread count for the badge',
  query: NotificationQuery,
  response: NotificationPage,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-notification-center', 'reel-shell'],
});

export const notificationsRead = defineEndpoint({
  operation: 'notifications.read',
  method: 'POST',
  path: '/notifications/{id}/read',
  summary: 'Mark one notification read',
  params: IdParams,
  response: NotificationReadResult,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-notification-center'],
});

export const notificationsReadAll = defineEndpoint({
  operation: 'notifications.readAll',
  method: 'POST',
  path: '/notifications/read-all',
  summary: 'Mark every notification read (up to `before`, what the user saw)',
  body: NotificationReadAllBody,
  response: NotificationReadAllResult,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-notification-center'],
});

export const notificationsStream = defineEndpoint({
  operation: 'notifications.stream',
  method: 'GET',
  path: '/notifications/stream',
  summary:
    'Server-Sent Events: new notifications and read changes, in real time. Read with fetch() so the bearer token is sent; resumes with Last-Event-ID',
  response: NotificationEvent,
  bodyKind: BodyKind.eventStream,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-notification-center', 'reel-shell'],
});

export const notificationsPreferences = defineEndpoint({
  operation: 'notifications.preferences',
  method: 'GET',
  path: '/notifications/preferences',
  summary: 'Which kinds arrive on which channel (in-app, email, push), and quiet hours',
  response: NotificationPreferences,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-notification-center', 'reel-settings'],
});

export const notificationsSetPreferences = defineEndpoint({
  operation: 'notifications.setPreferences',
  method: 'PUT',
  path: '/notifications/preferences',
  summary: 'Replace the preferences per kind and channel; locked channels (security email) stay on',
  body: NotificationPreferencesBody,
  response: NotificationPreferences,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-notification-center', 'reel-settings'],
});

export const notificationsPushPublicKey = defineEndpoint({
  operation: 'notifications.pushPublicKey',
  method: 'GET',
  path: '/notifications/push-public-key',
  summary: "The VAPID public key for the browser's pushManager.subscribe()",
  response: PushPublicKey,
  auth: Auth.public,
  retry: Retry.safe,
  origin: 'added',
  usedBy: ['reel-notification-center', 'reel-settings'],
});

export const notificationsSubscribePush = defineEndpoint({
  operation: 'notifications.subscribePush',
  method: 'POST',
  path: '/notifications/push-subscriptions',
  summary: "Register this browser's Web Push subscription (the same endpoint again updates it)",
  body: PushSubscriptionBody,
  status: 201,
  response: PushSubscriptionRecord,
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-notification-center', 'reel-settings'],
});

export const notificationsUnsubscribePush = defineEndpoint({
  operation: 'notifications.unsubscribePush',
  method: 'DELETE',
  path: '/notifications/push-subscriptions',
  summary: "Remove this browser's Web Push subscription, named by its endpoint",
  query: z.object({ endpoint: z.string().check(z.minLength(1), z.maxLength(2048)) }),
  auth: Auth.session,
  retry: Retry.safe,
  origin: 'I',
  usedBy: ['reel-notification-center', 'reel-settings'],
});

/**
 * The notification center (§25): the account's notifications and the active profile's. Push
 * permission is asked only after a user action; the element then registers the subscription.
 */
export const notifications = {
  list: notificationsList,
  read: notificationsRead,
  readAll: notificationsReadAll,
  stream: notificationsStream,
  preferences: notificationsPreferences,
  setPreferences: notificationsSetPreferences,
  pushPublicKey: notificationsPushPublicKey,
  subscribePush: notificationsSubscribePush,
  unsubscribePush: notificationsUnsubscribePush,
} as const;
