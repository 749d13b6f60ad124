import { createHmac, timingSafeEqual } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { ControlPlane } from '../control/plane.js'
import { IntercomError } from '../domain/errors.js'
import type { Workspace } from '../domain/types.js'
import { addAdminGuard } from '../http/control-access.js'
import { rejectUnknownFields } from '../routes/control/unknown-fields.js'
import { actionRequest, apiRequest, controlRequest, UI_API_VERSION, type ApiAnswer } from './actions.js'
import { asset, ASSET_TYPES, indexPage, type AssetName } from './assets.js'
import { workspaceKey } from './key.js'
import type { LiveUpdates } from './live.js'
import {
  ActionBody, ConversationParams, ControlParams, EventsQuery, OpenWorkspaceBody, Overview, StreamLocation, UiWorkspace, UiWorkspaceList, WorkspaceParams
} from './schemas.js'
import { conversationThread, inboxItems, people } from './views.js'

export interface UiOptions {
  plane: ControlPlane
  adminToken: string | null
  live: LiveUpdates
}

/** The control routes the UI may call for a workspace (through `/__mock/ui/api/w/:key/control/…`). */
const CONTROL_PATHS = /^(requests|clock|reset|faults|rate-limit|webhooks|state)(\/|$)/

// Same-origin only: the UI runs offline and loads nothing from elsewhere.
const PAGE_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache'
}

/**
 * The web inbox: `GET /__mock/ui` (its page and assets, never guarded, so the login form can load)
 * and `/__mock/ui/api/…`, what the page reads and does, behind INTERCOM_MOCK_ADMIN_TOKEN when set.
 */
export function uiRoutes (options: UiOptions): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addHook('onRoute', (route) => { route.config = { ...route.config, controlPlane: true } })
    const hidden = { hide: true }

    app.get('/__mock', { schema: hidden }, async (_request, reply) => reply.redirect('/__mock/ui', 302))

    app.get('/__mock/ui', { schema: hidden }, async (_request, reply) =>
      reply.headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(indexPage()))

    app.get('/__mock/ui/assets/:name', {
      schema: { ...hidden, params: Type.Object({ name: Type.String({ maxLength: 64 }) }) }
    }, async (request, reply) => {
      const name = request.params.name
      const content = Object.hasOwn(ASSET_TYPES, name) ? asset(name as AssetName) : null
      if (content === null) throw new IntercomError(404, 'not_found', `No UI asset ${name} (was the UI built? npm run build)`)
      return reply.headers(PAGE_HEADERS).type(ASSET_TYPES[name as AssetName]).send(content)
    })

    await app.register(uiApiRoutes(options))
  }
}

/** Proves the admin token for one workspace's event stream, without showing it. */
function streamProof (adminToken: string, key: string): string {
  return createHmac('sha256', adminToken).update(`events:${key}`).digest('hex')
}

function safeEqual (given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The inner request's answer as this one's, under its request id (the one its journal entry and error.list have). */
function passOn (reply: FastifyReply, answer: ApiAnswer): FastifyReply {
  if (answer.requestId !== undefined) reply.header('x-request-id', answer.requestId)
  reply.code(answer.status)
  return answer.body === null ? reply.send() : reply.send(answer.body)
}

function uiApiRoutes ({ plane, adminToken, live }: UiOptions): FastifyPluginAsyncTypebox {
  return async (app) => {
    // EventSource sends no headers, and a URL ends up in logs: its stream carries a proof of the
    // admin token for that one workspace's events instead of the token (GET …/stream hands it out).
    app.addHook('onRequest', async (request) => {
      const { stream } = request.query as { stream?: unknown }
      const { key } = request.params as { key?: unknown }
      if (adminToken === null || typeof stream !== 'string' || typeof key !== 'string' || !request.url.startsWith(`/__mock/ui/api/w/${key}/events`)) return
      if (safeEqual(stream, streamProof(adminToken, key))) request.headers['x-intercom-mock-admin'] = adminToken
    })
    addAdminGuard(app, adminToken)
    rejectUnknownFields(app)
    // key -> token, learnt from the workspace list; a token whose workspace is gone is looked up again.
    const tokens = new Map<string, string>()
    const tokenOf = (key: string): string => {
      const known = tokens.get(key)
      if (known !== undefined && plane.workspaces.find(known) !== null) return known
      tokens.clear()
      for (const { workspace } of plane.workspaces.summaries()) tokens.set(workspaceKey(workspace.token), workspace.token)
      const token = tokens.get(key)
      if (token === undefined || plane.workspaces.find(token) === null) throw new IntercomError(404, 'not_found', 'No workspace has this key')
      return token
    }
    const contextOf = (key: string) => plane.workspaces.contextFor(plane.workspace(tokenOf(key)))
    const listing = (workspace: Workspace) => ({ key: workspaceKey(workspace.token), ...plane.listingOf(workspace) })

    app.get('/__mock/ui/api/workspaces', {
      schema: { summary: 'Every workspace, named by key', response: { 200: UiWorkspaceList } }
    }, async () => ({
      data: plane.workspaces.summaries().map(s => ({ key: workspaceKey(s.workspace.token), ...plane.listingOf(s.workspace) }))
    }))

    app.post('/__mock/ui/api/workspaces', {
      schema: { summary: 'Open the workspace of a token (created from the fixtures if new)', body: OpenWorkspaceBody, response: { 200: UiWorkspace } }
    }, async (request) => listing(plane.workspace(request.body.token)))

    app.get('/__mock/ui/api/w/:key', {
      schema: { summary: 'A workspace: its app, admins, teams and clock', params: WorkspaceParams, response: { 200: Overview } }
    }, async (request) => {
      const ctx = contextOf(request.params.key)
      return {
        workspace: listing(ctx.workspace),
        app: { id_code: ctx.workspace.app.idCode, name: ctx.workspace.app.name },
        admins: ctx.store.admins.all().map(a => ({ id: a.id, name: a.name, email: a.email })),
        teams: ctx.store.admins.allTeams().map(t => ({ id: t.id, name: t.name, admin_ids: t.adminIds })),
        clock: { now: ctx.clock.now(), mode: ctx.workspace.clock.mode },
        api_version: UI_API_VERSION
      }
    })

    app.get('/__mock/ui/api/w/:key/conversations', {
      schema: { summary: 'Every conversation of the workspace, as 2.x renders it, with its last part', params: WorkspaceParams }
    }, async (request) => ({ data: inboxItems(contextOf(request.params.key)) }))

    app.get('/__mock/ui/api/w/:key/conversations/:id', {
      schema: { summary: 'A conversation with its parts, as 2.x renders it', params: ConversationParams }
    }, async (request) => {
      const thread = conversationThread(contextOf(request.params.key), request.params.id)
      if (thread === null) throw new IntercomError(404, 'not_found', 'Conversation Not Found')
      return thread
    })

    app.post('/__mock/ui/api/w/:key/conversations/:id/actions', {
      schema: { summary: 'Act on a conversation as an admin or its customer, through the API', params: ConversationParams, body: ActionBody }
    }, async (request, reply) => {
      const token = tokenOf(request.params.key)
      const { url, body } = actionRequest(request.params.id, request.body)
      const answer = await apiRequest(app as unknown as FastifyInstance, token, 'POST', url, body)
      return passOn(reply, answer)
    })

    app.get('/__mock/ui/api/w/:key/people', {
      schema: { summary: 'Every user, lead and visitor, as 2.x contacts', params: WorkspaceParams }
    }, async (request) => ({ data: people(contextOf(request.params.key)) }))

    app.route({
      method: ['GET', 'POST', 'PUT', 'DELETE'],
      url: '/__mock/ui/api/w/:key/control/*',
      schema: { summary: 'A control call as the workspace (requests, clock, reset, faults, rate-limit, webhooks, state)', params: ControlParams },
      handler: async (request, reply: FastifyReply) => {
        const { key, '*': rest } = request.params as { key: string, '*': string }
        if (!CONTROL_PATHS.test(rest)) throw new IntercomError(404, 'not_found', `The UI does not call /__mock/${rest}`)
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''
        const answer = await controlRequest(app as unknown as FastifyInstance, tokenOf(key), adminToken, request.method, `/__mock/${rest}${query}`, request.body)
        return passOn(reply, answer)
      }
    })

    app.get('/__mock/ui/api/w/:key/stream', {
      schema: { summary: 'Where the workspace\'s event stream is, for EventSource', params: WorkspaceParams, response: { 200: StreamLocation } }
    }, async (request) => {
      const { key } = request.params
      tokenOf(key)
      const url = `/__mock/ui/api/w/${key}/events`
      return { url: adminToken === null ? url : `${url}?stream=${streamProof(adminToken, key)}` }
    })

    app.get('/__mock/ui/api/w/:key/events', {
      schema: { summary: 'Server-Sent Events: `change` whenever something of the workspace changes', params: WorkspaceParams, querystring: EventsQuery }
    }, async (request, reply) => {
      live.stream(request, reply, tokenOf(request.params.key))
    })
  }
}
