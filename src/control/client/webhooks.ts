import type { ControlRequest } from './requester.js'

export interface WebhookSubscription {
  type: 'notification_subscription'
  id: string
  url: string
  topics: string[]
  api_version: string
  active: boolean
  state: 'active' | 'inactive' | 'paused' | 'suspended' | 'throttled'
  created_at: number
  updated_at: number
  [key: string]: unknown
}

export interface WebhookDelivery {
  type: 'webhook_delivery'
  notification_id: string
  subscription_id: string
  topic: string
  status: 'pending' | 'sent' | 'failed'
  delivery_attempts: number
  /** The notification exactly as the endpoint received it (or will). */
  notification: { id: string, topic: string, data: { item: Record<string, unknown> }, [key: string]: unknown }
  attempts: Array<{ attempt: number, outcome: string, request: { headers: Record<string, string>, body: string }, response: { status: number } | null, error: string | null }>
  [key: string]: unknown
}

export interface DeliveryFilter {
  /** One subscription; all of the workspace's by default. */
  subscriptionId?: string
  topic?: string
  status?: 'pending' | 'sent' | 'failed'
  limit?: number
}

export interface WebhooksHandle {
  subscribe: (options: { url: string, topics: string[], apiVersion?: string }) => Promise<WebhookSubscription>
  list: () => Promise<WebhookSubscription[]>
  /** Newest first. */
  deliveries: (filter?: DeliveryFilter) => Promise<WebhookDelivery[]>
  /**
   * Resolves with the oldest delivery of `topic` the endpoint accepted (status sent) that no earlier
   * call of this handle returned, polling the log, so a test can await an asynchronous delivery
   * whether or not it has already happened; rejects after `timeoutMs` (default 5000).
   */
  waitForDelivery: (options: { topic: string, timeoutMs?: number, subscriptionId?: string }) => Promise<WebhookDelivery>
}

const POLL_MS = 25

/** `mock.workspace(token).webhooks`, over any control requester. */
export function webhooksClient (request: ControlRequest): WebhooksHandle {
  const returned = new Set<string>()
  const list = async (): Promise<WebhookSubscription[]> => ((await request('GET', '/__mock/webhooks')) as { data: WebhookSubscription[] }).data
  const deliveries = async (filter: DeliveryFilter = {}): Promise<WebhookDelivery[]> => {
    const query: Record<string, string | number> = {}
    if (filter.topic !== undefined) query.topic = filter.topic
    if (filter.status !== undefined) query.status = filter.status
    if (filter.limit !== undefined) query.limit = filter.limit
    const ids = filter.subscriptionId === undefined ? (await list()).map(s => s.id) : [filter.subscriptionId]
    const logs = await Promise.all(ids.map(async id =>
      ((await request('GET', `/__mock/webhooks/${encodeURIComponent(id)}/deliveries`, { query })) as { data: WebhookDelivery[] }).data))
    const all = logs.flat().sort((a, b) => b.notification.created_at as number - (a.notification.created_at as number))
    return filter.limit === undefined ? all : all.slice(0, filter.limit)
  }
  return {
    subscribe: async ({ url, topics, apiVersion }) => await request('POST', '/__mock/webhooks', {
      body: apiVersion === undefined ? { url, topics } : { url, topics, api_version: apiVersion }
    }) as WebhookSubscription,
    list,
    deliveries,
    waitForDelivery: async ({ topic, timeoutMs = 5000, subscriptionId }) => {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const sent = await deliveries({ topic, status: 'sent', ...(subscriptionId === undefined ? {} : { subscriptionId }) })
        const found = sent.filter(d => !returned.has(d.notification_id)).at(-1)
        if (found !== undefined) {
          returned.add(found.notification_id)
          return found
        }
        if (Date.now() >= deadline) throw new Error(`no ${topic} webhook was delivered within ${timeoutMs} ms`)
        await new Promise(resolve => setTimeout(resolve, POLL_MS))
      }
    }
  }
}
