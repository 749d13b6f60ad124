import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { presentFaultRule, type FaultRules } from '../../control/faults/fault-rules.js'
import { FaultIdParams, FaultRuleBody, FaultRuleList, FaultRuleView, FaultsCleared } from '../../control/faults/rule-schema.js'

/** `/__mock/faults`: the workspace's fault rules (control/faults/). */
export function faultRoutes (rules: FaultRules): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/__mock/faults', { schema: { body: FaultRuleBody, response: { 201: FaultRuleView } } }, async (request, reply) => {
      const rule = rules.add(request.ctx.workspace, request.body)
      return reply.code(201).send(presentFaultRule(rule))
    })

    app.get('/__mock/faults', { schema: { response: { 200: FaultRuleList } } }, async (request) => {
      return { type: 'list' as const, data: rules.list(request.ctx.workspace.id).map(presentFaultRule) }
    })

    app.delete('/__mock/faults/:id', { schema: { params: FaultIdParams, response: { 200: FaultRuleView } } }, async (request) => {
      return presentFaultRule(rules.remove(request.ctx.workspace.id, request.params.id))
    })

    app.delete('/__mock/faults', { schema: { response: { 200: FaultsCleared } } }, async (request) => {
      return { deleted: rules.clear(request.ctx.workspace.id) }
    })
  }
}
