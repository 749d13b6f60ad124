import Fastify, { type FastifyRequest } from 'fastify'
import { loadFixtures } from '../src/control/fixtures.js'
import { Workspaces } from '../src/control/workspaces.js'
import { systemClock } from '../src/domain/clock.js'
import type { DomainContext } from '../src/domain/context.js'
import { listConversations } from '../src/domain/conversations.js'
import { createMessage } from '../src/domain/messages.js'
import { openStore } from '../src/store/index.js'

/**
 * The floor under the mock's answers: bare-server.ts with the mock's own domain and store doing the
 * work of `POST /messages` (the token's workspace looked up, the sender found and marked, the message,
 * conversation and link written in the turn's group commit, the answer sent once it committed) and of
 * the seed listing (the page read and viewed, answered by its size), and none of the mock's HTTP layer:
 * no hooks, validation, journal, versions, presenters or rendering. What the mock reaches against bare
 * Fastify cannot exceed what this reaches. Spawned like the mock (PORT, HOST, INTERCOM_MOCK_DB).
 */
const store = openStore(process.env.INTERCOM_MOCK_DB ?? ':memory:')
store.groupCommits()
const workspaces = new Workspaces(store, loadFixtures('fixtures/default.json'), systemClock)
const app = Fastify({ logger: false })
app.get('/__mock/health', async () => ({ status: 'ok' }))
const contextOf = (request: FastifyRequest): DomainContext =>
  workspaces.contextFor(workspaces.forToken(request.headers.authorization?.replace(/^Bearer /, '') ?? ''))
app.post('/messages', async (request) => {
  const ctx = contextOf(request)
  const body = request.body as { from: { type: string, id: string }, body: string }
  const message = createMessage(ctx, { from: { type: body.from.type, id: body.from.id }, body: body.body })
  await store.settled()
  return { type: 'user_message', id: message.id, created_at: message.createdAt, body: message.body, message_type: message.messageType, conversation_id: message.conversationId }
})
app.get('/conversations', async (request) => {
  const query = request.query as { type?: string, intercom_user_id?: string, open?: string }
  const page = listConversations(contextOf(request), { type: query.type, intercomUserId: query.intercom_user_id, open: query.open === undefined ? undefined : query.open === 'true' })
  return { type: 'conversation.list', total_count: page.totalCount, conversations: page.items.length }
})
app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' }).catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
process.once('SIGTERM', () => { void app.close().then(() => { store.close(); process.exit(0) }) })
