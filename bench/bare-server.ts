import Fastify from 'fastify'

/**
 * The baseline every bench figure is divided by: a bare Fastify 5 server that parses a JSON body and
 * answers a constant, the ceiling of a Node server on this machine. Spawned like the mock (PORT, HOST;
 * /__mock/health answers 200), so start-up, throughput, CPU and memory compare like for like.
 */
const app = Fastify({ logger: false })
const answer = { type: 'user_message', id: '1', created_at: 1_700_000_000, body: 'Hey', message_type: 'inapp', conversation_id: '1' }
app.get('/__mock/health', async () => ({ status: 'ok' }))
app.post('/*', async (request) => ({ ...answer, echoed: typeof request.body === 'object' }))
app.get('/*', async () => ({ type: 'conversation.list', conversations: [], pages: { type: 'pages', page: 1, per_page: 20, total_pages: 1 } }))
app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' }).catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
process.once('SIGTERM', () => { void app.close().then(() => process.exit(0)) })
