import type { FastifyInstance } from 'fastify'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { defaultConfig } from '../../src/config.js'
import { fixtures, inject } from '../helper.js'
import { checkResponsesAgainstSpec } from './spec-check.js'

/** A stand-in for tap's `t` that records what the check would fail with. */
function recorder () {
  const failures: string[] = []
  return { failures, t: { fail: (message?: string) => { failures.push(message ?? ''); return false } } }
}

async function appWith (t: Parameters<typeof checkResponsesAgainstSpec>[1], before?: (app: FastifyInstance) => void) {
  const app = buildApp(defaultConfig({ dbPath: ':memory:', logLevel: 'silent' }), { fixtures: fixtures() })
  before?.(app)
  checkResponsesAgainstSpec(app, t)
  await app.ready()
  return app
}

t.test('a 2.x response that breaks its schema fails the test; a valid one and a 1.x one do not', async t => {
  const { failures, t: recording } = recorder()
  const app = await appWith(recording, app => {
    app.addHook('onSend', async (request, _reply, payload) => {
      // Break one field of one response, as a presenter bug would.
      if (request.url === '/admins/394051' && typeof payload === 'string') return payload.replace('"type":"admin"', '"type":"robot"')
      return payload
    })
  })
  t.teardown(() => app.close())
  await inject(app, { url: '/admins', version: '2.11' })
  await inject(app, { url: '/admins/394051', version: '1.4' })
  t.same(failures, [], 'valid 2.x and any 1.x pass')
  await inject(app, { url: '/admins/394051', version: '2.11' })
  t.equal(failures.length, 1)
  t.match(failures[0], /GET \/admins\/394051 → 200 does not match the 2\.11 OpenAPI description:\n {2}- GET \/admins\/\{admin_id\} 200: \/type/)
})

t.test('an error.list the operation does not document is checked against the error schema', async t => {
  const { failures, t: recording } = recorder()
  const app = await appWith(recording)
  t.teardown(() => app.close())
  await inject(app, { url: '/contacts/000000000000000000000000', version: '2.14' })
  await inject(app, { url: '/nothing-here', version: '2.14' })
  t.same(failures, [])
})

t.test('missing spec files fail the test instead of skipping the check', async t => {
  const { failures, t: recording } = recorder()
  const app = await appWith(recording)
  t.teardown(() => app.close())
  const previous = process.env.INTERCOM_OPENAPI_DIR
  process.env.INTERCOM_OPENAPI_DIR = mkdtempSync(join(tmpdir(), 'no-spec-'))
  t.teardown(() => { if (previous === undefined) delete process.env.INTERCOM_OPENAPI_DIR; else process.env.INTERCOM_OPENAPI_DIR = previous })
  await inject(app, { url: '/admins', version: '2.9' })
  t.equal(failures.length, 1)
  t.match(failures[0], /INTERCOM_OPENAPI_DIR/)
})
