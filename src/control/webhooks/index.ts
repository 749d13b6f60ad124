export { WebhookDispatcher, DELIVERY_POLICY } from './dispatcher.js'
export { hubSignature, notificationBody, notificationHeaders } from './envelope.js'
export { noticesFor } from './event-topics.js'
export { webhookOutbox } from './outbox.js'
export { applyFixtureWebhooks, resetWebhooks, webhooksAsFixtures } from './subscriptions.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The webhook dispatcher: `wake()` after moving a clock; `idle()` waits for deliveries to settle. */
    webhooks: { wake: () => void, idle: () => Promise<void> }
  }
}
