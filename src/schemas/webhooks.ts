import { Type } from '@sinclair/typebox'
import { Id, StringEnum } from './common.js'

/** `POST /__mock/webhooks`. */
export const CreateWebhookBody = Type.Object({
  url: Type.String({ minLength: 1 }),
  topics: Type.Array(Type.String({ minLength: 1 })),
  api_version: Type.Optional(Type.String({ minLength: 1 })),
  /** Signs with this instead of the app's client_secret (the legacy API's key). */
  hub_secret: Type.Optional(Type.String({ minLength: 1 })),
  /** Person timestamps in items as ISO-8601 strings, as Intercom sends them (default); false for unix seconds. */
  iso_person_times: Type.Optional(Type.Boolean()),
  /** Break Intercom's non-promises on purpose: send each notification twice, newest first, or late. */
  faults: Type.Optional(Type.Object({
    duplicate: Type.Optional(Type.Boolean()),
    reorder: Type.Optional(Type.Boolean()),
    delay_seconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 7200 }))
  }, { additionalProperties: false }))
})

export const WebhookParams = Type.Object({ id: Id })
export const NotificationParams = Type.Object({ id: Id, notification_id: Id })

export const DeliveriesQuery = Type.Object({
  topic: Type.Optional(Type.String({ minLength: 1 })),
  status: Type.Optional(StringEnum(['sent', 'failed', 'pending'] as const)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50 }))
})

export const TriggerBody = Type.Object({
  topic: Type.String({ minLength: 1 }),
  item_id: Type.Optional(Type.String())
})

/** Legacy 1.x `POST /subscriptions` (LEG-manage-subscriptions). */
export const CreateSubscriptionBody = Type.Object({
  service_type: Type.Optional(StringEnum(['web'] as const)),
  url: Type.String({ minLength: 1 }),
  topics: Type.Array(Type.String({ minLength: 1 })),
  hub_secret: Type.Optional(Type.String()),
  metadata: Type.Optional(Type.Record(Type.String(), Type.Unknown()))
})
