import { Validator } from '@seriousme/openapi-schema-validator'
import t from 'tap'
import { build } from '../helper.js'

t.test('GET /__mock/openapi.json is a valid OpenAPI 3.1 description of the control plane, and only of it', async t => {
  const api = await build(t)
  const res = await api.request({ url: '/__mock/openapi.json', token: null })
  t.equal(res.statusCode, 200)
  const spec = res.json()
  t.equal(spec.openapi, '3.1.0')
  const result = await new Validator().validate(spec)
  t.ok(result.valid, JSON.stringify(result.errors ?? null))
  const operations = Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) => Object.keys(item).map(method => `${method.toUpperCase()} ${path}`)).sort()
  t.strictSame(operations, [
    'DELETE /__mock/faults', 'DELETE /__mock/faults/{id}', 'DELETE /__mock/requests', 'DELETE /__mock/workspaces', 'GET /__mock/clock',
    'GET /__mock/faults', 'GET /__mock/rate-limit', 'GET /__mock/requests', 'GET /__mock/requests/count',
    'GET /__mock/state', 'GET /__mock/workspaces', 'POST /__mock/faults', 'POST /__mock/reset', 'POST /__mock/seed', 'PUT /__mock/clock',
    'PUT /__mock/rate-limit',
    'DELETE /__mock/webhooks/{id}', 'GET /__mock/webhooks', 'GET /__mock/webhooks/{id}', 'GET /__mock/webhooks/{id}/deliveries',
    'GET /__mock/webhooks/{id}/deliveries/{notification_id}', 'POST /__mock/webhooks',
    'POST /__mock/webhooks/{id}/deliveries/{notification_id}/redeliver', 'POST /__mock/webhooks/{id}/live',
    'POST /__mock/webhooks/{id}/ping', 'POST /__mock/webhooks/{id}/trigger'
  ].sort())
  t.match(spec.paths['/__mock/clock'].put.requestBody.content['application/json'].schema.properties, { frozen_at: { type: 'integer' }, advance: { type: 'integer' }, real: { type: 'boolean' } })
  t.match(spec.paths['/__mock/seed'].post.requestBody.content['application/json'].schema.properties.conversations, { type: 'array' })
  t.match(spec.paths['/__mock/requests'].get.parameters.map((p: { name: string }) => p.name).sort(), ['limit', 'method', 'path', 'since', 'status'])
})
