import { createHmac } from 'node:crypto'

export interface EnvelopeFields {
  appId: string
  id: string
  topic: string
  /** `data.item`, already JSON. */
  item: string
  deliveryAttempts: number
  firstSentAt: number
  createdAt: number
}

/**
 * The notification body exactly as Intercom sends it: the twelve keys in Intercom's order
 * (intercom-webhooks-and-limits.md §1.2), no spaces. Built as text so the item is sent byte for byte as stored.
 */
export function notificationBody (n: EnvelopeFields): string {
  return `{"type":"notification_event","app_id":${JSON.stringify(n.appId)},` +
    `"data":{"type":"notification_event_data","item":${n.item}},"links":{},` +
    `"id":${JSON.stringify(n.id)},"topic":${JSON.stringify(n.topic)},"delivery_status":"pending",` +
    `"delivery_attempts":${n.deliveryAttempts},"delivered_at":0,"first_sent_at":${n.firstSentAt},` +
    `"created_at":${n.createdAt},"self":null}`
}

/** `X-Hub-Signature`: `sha1=` and the lowercase hex HMAC-SHA1 of the exact body bytes. */
export function hubSignature (key: string, body: string): string {
  return `sha1=${createHmac('sha1', key).update(body, 'utf8').digest('hex')}`
}

/** The headers Intercom's notifier sends (§1.6), signed when there is a key. */
export function notificationHeaders (key: string | null, body: string): Record<string, string> {
  const headers: Record<string, string> = {
    'User-Agent': 'intercom-parrot-service-client/1.0',
    Accept: 'application/json',
    'Content-Type': 'application/json'
  }
  if (key !== null) headers['X-Hub-Signature'] = hubSignature(key, body)
  return headers
}
