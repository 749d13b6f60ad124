import Fastify from 'fastify'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import t from 'tap'
import type { Test } from 'tap'
import { assertMatchesSpec } from './assert.js'
import { isKnownDeviation, KNOWN_DEVIATIONS, MISSING_SCHEMAS, type KnownDeviation } from './known-deviations.js'
import type { OpenApiDocument } from './openapi-types.js'
import { DEFAULT_OPENAPI_DIR, findOperation, loadSpec, resolveLocalRef, specDirectory, specFolderFor, specFromDocument, type Spec } from './spec.js'
import { findResponse, responseExamples, validateResponse, validateWithSpec } from './validate.js'

/** The first 200 example of an operation, deep-copied so tests can break it. */
function example200 (version: string, method: string, url: string, name?: string): Record<string, unknown> {
  const spec = loadSpec(version)
  const operation = findOperation(spec, method, url)
  if (operation === undefined) throw new Error(`no ${method} ${url} in ${version}`)
  const response = findResponse(spec, operation, 200)
  if (response === undefined) throw new Error(`no 200 for ${operation.name} in ${version}`)
  const examples = responseExamples(spec, response)
  const value = name === undefined ? [...examples.values()][0] : examples.get(name)
  return structuredClone(value) as Record<string, unknown>
}

t.test('Intercom-Version values map to spec folders', async t => {
  for (const v of ['2.7', '2.10', '2.11', '2.16']) t.equal(specFolderFor(v), v, v)
  t.equal(specFolderFor('Preview'), '0')
  t.equal(specFolderFor('Unstable'), '0', 'Unstable is the current Preview file, not the old Unstable folder')
  for (const v of ['2.0', '2.3', '2.6']) t.equal(specFolderFor(v), '2.7', `${v} has no description of its own`)
  t.throws(() => specFolderFor('1.4'), /1\.x version: Intercom never published an OpenAPI description/)
  t.throws(() => specFolderFor('1.0'), /1\.x/)
  t.throws(() => specFolderFor('2.17'), /unknown Intercom-Version "2\.17"/)
  t.throws(() => specFolderFor('latest'), /unknown Intercom-Version/)

  const preview = loadSpec('Preview')
  t.equal(loadSpec('Unstable'), preview, 'Unstable and Preview share one parsed file')
  t.equal(preview.version, 'Preview')
  t.match(preview.file, /[/\\]0[/\\]api\.intercom\.io\.yaml$/)
  t.notMatch(preview.file, /Unstable/)
  t.equal(loadSpec('2.3'), loadSpec('2.7'))
  t.equal(loadSpec('2.3').version, '2.7')
})

t.test('a missing spec is an error naming the path, never a skip', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'intercom-openapi-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const absent = join(dir, 'absent')

  t.throws(() => loadSpec('2.11', { env: { INTERCOM_OPENAPI_DIR: absent } }), {
    message: new RegExp(`${escape(absent)} is missing\\. Set INTERCOM_OPENAPI_DIR`)
  })
  t.throws(() => loadSpec('2.11', { env: { INTERCOM_OPENAPI_DIR: absent, CI: 'true' } }), {
    message: new RegExp(`^CI needs the Intercom OpenAPI descriptions.*${escape(absent)} is missing.*INTERCOM_OPENAPI_DIR`)
  })
  mkdirSync(join(dir, '2.11'))
  t.throws(() => loadSpec('2.11', { env: { INTERCOM_OPENAPI_DIR: dir } }), {
    message: new RegExp(`${escape(join(dir, '2.11', 'api.intercom.io.yaml'))} is missing`)
  }, 'an existing directory without the file names the file')
  t.throws(() => validateResponse({ version: '2.11', method: 'GET', url: '/me', status: 200, body: {} }, { env: { INTERCOM_OPENAPI_DIR: absent } }),
    /is missing/, 'validateResponse does not pass without a spec')

  t.equal(specDirectory({ env: {}, cwd: '/repo' }), DEFAULT_OPENAPI_DIR, 'the default is the vendored copy in the repository, whatever the working directory')
  t.equal(specDirectory({ env: { INTERCOM_OPENAPI_DIR: 'specs' }, cwd: '/repo' }), resolve('/repo/specs'))
  t.equal(specDirectory({ env: { INTERCOM_OPENAPI_DIR: dir } }), dir)
})

t.test('requests find their operation', async t => {
  const v10 = loadSpec('2.10')
  const v11 = loadSpec('2.11')
  t.equal(findOperation(v10, 'GET', '/conversations/123')?.name, 'GET /conversations/{id}')
  t.equal(findOperation(v11, 'GET', '/conversations/123')?.name, 'GET /conversations/{conversation_id}')
  t.equal(findOperation(v11, 'get', '/conversations/123?display_as=plaintext')?.name, 'GET /conversations/{conversation_id}', 'query ignored')
  t.equal(findOperation(v11, 'GET', '/conversations/123/')?.name, 'GET /conversations/{conversation_id}', 'trailing slash tolerated')
  t.equal(findOperation(v11, 'GET', 'http://127.0.0.1:8080/admins?per_page=2')?.name, 'GET /admins', 'absolute URL')
  t.equal(findOperation(v11, 'POST', '/contacts/search')?.name, 'POST /contacts/search')
  t.equal(findOperation(v11, 'GET', '/contacts/search')?.name, 'GET /contacts/{contact_id}', 'no GET search: the id template takes it')

  const v16 = loadSpec('2.16')
  t.equal(findOperation(v16, 'GET', '/conversations/deleted')?.name, 'GET /conversations/deleted', 'literal beats {conversation_id}')
  t.equal(findOperation(v16, 'GET', '/conversations/attributes')?.name, 'GET /conversations/attributes')
  t.equal(findOperation(v16, 'GET', '/contacts/find_by_external_id/ext-1')?.name, 'GET /contacts/find_by_external_id/{external_id}')
  t.equal(findOperation(v16, 'GET', '/contacts/5f7f/tags')?.name, 'GET /contacts/{contact_id}/tags')
  t.equal(findOperation(v16, 'GET', '/conversations/'), findOperation(v16, 'GET', '/conversations'))
  t.equal(findOperation(v16, 'GET', '/nope'), undefined)

  t.same(validateResponse({ version: '2.16', method: 'GET', url: '/nope/1', status: 200, body: {} }), {
    operation: 'GET /nope/1', errors: ['no operation in the 2.16 spec matches GET /nope/1']
  })
  t.same(validateResponse({ version: '2.16', method: 'PATCH', url: '/me', status: 200, body: {} }).errors,
    ['no operation in the 2.16 spec matches PATCH /me (the path has GET)'])
})

/**
 * Where a response example in the spec contradicts the schema next to it.
 * These are the spec's inconsistencies, recorded so the test notices when they
 * change; error texts drop the `METHOD /template 200: ` prefix and replace
 * 24-hex ids with <id>.
 */
interface ExampleContradiction {
  versions: string[]
  request: string
  example: string
  errors: string[]
  reason: string
}

const CONVERSATION_PART_IDS = [1, 2, 3, 4, 5].map(n => `/conversation_parts/conversation_parts/${n - 1}/id must be string — got ${n}`)
// conversation_rating and first_contact_reply are known deviations (known-deviations.ts); these two are not.
const NULL_2_11_OBJECTS = ['teammates', 'statistics'].map(p => `/${p} must be object — got null`)

const EXAMPLE_CONTRADICTIONS: ExampleContradiction[] = [
  {
    versions: ['2.11'],
    request: 'GET /admins',
    example: 'Successful response',
    errors: ['/admins/0 must have required property \'job_title\''],
    reason: 'only the 2.11 `admin` schema has a `required` list, and it includes job_title; the example admin has none'
  },
  {
    versions: ['2.11'],
    request: 'GET /me',
    example: 'Successful response',
    errors: ['job_title', 'away_mode_enabled', 'away_mode_reassign', 'team_ids'].map(p => `/ must have required property '${p}'`),
    reason: 'only the 2.11 `admin_with_app` schema requires these four properties; the example omits them'
  },
  {
    versions: ['2.11'],
    request: 'GET /conversations',
    example: 'successful',
    errors: NULL_2_11_OBJECTS.map(e => `/conversations/0${e}`),
    reason: 'the schemas these properties refer to are `nullable: true` in every other version but not in 2.11; the example still has null'
  },
  {
    versions: ['2.11'],
    request: 'GET /conversations/123',
    example: 'conversation found',
    errors: NULL_2_11_OBJECTS,
    reason: 'the schemas these properties refer to are `nullable: true` in every other version but not in 2.11; the example still has null'
  },
  {
    versions: ['2.11'],
    request: 'POST /messages',
    example: 'user message created',
    errors: ['/ must have required property \'subject\''],
    reason: 'the 2.11 `message` schema requires subject; an in-app message example has none (no other version requires it)'
  },
  {
    versions: ['2.11'],
    request: 'POST /messages',
    example: 'lead message created',
    errors: ['/ must have required property \'subject\''],
    reason: 'the 2.11 `message` schema requires subject; an in-app message example has none (no other version requires it)'
  },
  {
    versions: ['2.11'],
    request: 'POST /messages',
    example: 'admin message created',
    errors: ['/ must have required property \'conversation_id\''],
    reason: 'the 2.11 `message` schema requires conversation_id; the example has none (no other version requires it)'
  },
  {
    versions: ['2.14', '2.16'],
    request: 'GET /conversations/123',
    example: 'conversation found',
    errors: CONVERSATION_PART_IDS.slice(0, 4),
    reason: '`conversation_part.id` is `type: string` (own example "3"), the example\'s parts have integer ids'
  },
  {
    versions: ['Preview'],
    request: 'GET /conversations/123',
    example: 'conversation found',
    errors: [...CONVERSATION_PART_IDS, '/ai_topics must be object — got null'],
    reason: '`conversation_part.id` is `type: string` but the example\'s ids are integers; `conversation.ai_topics` is a bare $ref to an object schema, the example has null'
  },
  {
    versions: ['Preview'],
    request: 'GET /conversations/123',
    example: 'email conversation with history found',
    errors: [...CONVERSATION_PART_IDS.slice(0, 4), '/ai_topics must be object — got null'],
    reason: 'as "conversation found"'
  }
]

const EXAMPLE_VERSIONS = ['2.7', '2.11', '2.14', '2.16', 'Preview']
const EXAMPLE_REQUESTS = ['GET /admins', 'GET /me', 'GET /conversations', 'GET /conversations/123', 'POST /messages', 'GET /contacts/123', 'POST /contacts/search']

t.test('the spec\'s own 200 examples validate, except where the spec contradicts itself', async t => {
  const seen = new Set<ExampleContradiction>()
  for (const version of EXAMPLE_VERSIONS) {
    await t.test(version, async t => {
      const spec = loadSpec(version)
      for (const request of EXAMPLE_REQUESTS) {
        const [method = '', url = ''] = request.split(' ')
        const operation = findOperation(spec, method, url)
        const response = operation === undefined ? undefined : findResponse(spec, operation, 200)
        if (!t.ok(operation !== undefined && response !== undefined, `${request} has a 200 response`) || response === undefined) continue
        const examples = responseExamples(spec, response)
        t.ok(examples.size > 0, `${operation?.name} 200 has examples`)
        for (const [name, body] of examples) {
          const contradiction = EXAMPLE_CONTRADICTIONS.find(c => c.versions.includes(version) && c.request === request && c.example === name)
          if (contradiction !== undefined) seen.add(contradiction)
          const { operation: found, errors } = validateResponse({ version, method, url, status: 200, body })
          t.equal(found, operation?.name)
          const label = `${found} example "${name}"`
          t.same(errors.map(normalizeError), contradiction?.errors ?? [],
            contradiction === undefined ? `${label} validates` : `${label} fails as recorded: ${contradiction.reason}`)
        }
      }
    })
  }
  t.same(EXAMPLE_CONTRADICTIONS.filter(c => !seen.has(c)).map(c => `${c.request} "${c.example}"`), [], 'every recorded contradiction is still met')
})

t.test('a broken body fails with the instance path, the problem and the value', async t => {
  const me = example200('2.16', 'GET', '/me')
  t.same(validateResponse({ version: '2.16', method: 'GET', url: '/me', status: 200, body: me }), { operation: 'GET /me', errors: [] })

  t.same(validateResponse({ version: '2.16', method: 'GET', url: '/me', status: 200, body: { ...me, id: 1295 } }).errors,
    ['GET /me 200: /id must be string — got 1295'], 'wrong type')
  t.same(validateResponse({ version: '2.16', method: 'GET', url: '/me', status: 200, body: { ...me, app: { ...(me.app as object), id_code: 5 } } }).errors,
    ['GET /me 200: /app/id_code must be string — got 5'], 'wrong type inside a nullable $ref')
  t.same(validateResponse({ version: '2.16', method: 'GET', url: '/me', status: 200, body: { ...me, app: null, email_verified: null } }).errors,
    [], 'nullable: null allowed next to $ref and next to type')
  t.same(validateResponse({ version: '2.16', method: 'GET', url: '/me', status: 200, body: { ...me, has_inbox_seat: null } }).errors,
    ['GET /me 200: /has_inbox_seat must be boolean — got null'], 'null is not allowed without nullable')

  const { body, ...message } = example200('2.16', 'POST', '/messages')
  t.ok(body, 'the example has a body to remove')
  t.same(validateResponse({ version: '2.16', method: 'POST', url: '/messages', status: 200, body: message }).errors,
    ['POST /messages 200: / must have required property \'body\''], 'missing required field')

  const conversation = example200('2.7', 'GET', '/conversations/123')
  t.same(validateResponse({ version: '2.7', method: 'GET', url: '/conversations/123', status: 200, body: { ...conversation, state: 'snoozing' } }).errors,
    ['GET /conversations/{id} 200: /state must be equal to one of the allowed values (open, closed, snoozed) — got "snoozing"'], 'wrong enum')

  const several = validateResponse({ version: '2.16', method: 'GET', url: '/me', status: 200, body: { ...me, id: 1, name: 2 } })
  t.equal(several.errors.length, 2, 'all errors are reported, not just the first')

  t.same(validateResponse({ version: '2.16', method: 'GET', url: '/me', status: 200, body: 'admin' }).errors,
    ['GET /me 200: / must be object — got "admin"'])
  t.same(validateResponse({ version: '2.16', method: 'GET', url: '/me', status: 500, body: {} }).errors,
    ['GET /me 500: status not documented in the 2.16 spec (documented: 200)'])
  t.same(validateResponse({ version: '2.7', method: 'POST', url: '/phone_call_redirects', status: 422, body: {} }).errors,
    ['no schema for POST /phone_call_redirects 422 application/json in the 2.7 spec'], 'a response with only an example does not pass')
})

t.test('error responses are validated against their (shared) schema', async t => {
  const body = { type: 'error.list', request_id: 'b4ce3a9e-6f0a-4b8e-9d3c-2a1f0e5d7c6b', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] }
  t.same(validateResponse({ version: '2.16', method: 'GET', url: '/me', status: 401, body }).errors,
    ['GET /me 401: status not documented in the 2.16 spec (documented: 200)'], '2.16 documents no 401 for /me')
  t.same(validateResponse({ version: '2.16', method: 'GET', url: '/conversations/1', status: 401, body }).errors, [])
  t.same(validateResponse({ version: '2.16', method: 'GET', url: '/conversations/1', status: 404, body: { ...body, errors: 'nope' } }).errors,
    ['GET /conversations/{conversation_id} 404: /errors must be array — got "nope"'])
})

/** A small document that uses every OpenAPI-only construct the validator must survive. */
const SYNTHETIC: OpenApiDocument = {
  openapi: '3.0.1',
  info: { title: 'synthetic', version: 'synthetic' },
  paths: {
    '/things/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        responses: {
          200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/thing' }, examples: { one: { value: { id: 'a' } } } } } },
          204: { description: 'nothing' },
          404: { $ref: '#/components/responses/NotFound' },
          '4XX': { description: 'client error', content: { 'application/json': { schema: { type: 'object', required: ['range'] } } } },
          default: { description: 'other', content: { 'application/json': { schema: { type: 'object', required: ['default'] } } } }
        }
      }
    },
    '/things/{id}/example-only': {
      get: { responses: { 200: { description: 'ok', content: { 'application/json': { example: { a: 1 } } } } } }
    },
    '/things/{id}/text': {
      get: { responses: { 200: { description: 'ok', content: { 'text/plain': { schema: { type: 'string' } } } } } }
    }
  },
  components: {
    responses: {
      NotFound: { description: 'not found', content: { 'application/json': { schema: { $ref: '#/components/schemas/error' } } } }
    },
    schemas: {
      thing: {
        type: 'object',
        required: ['id'],
        example: { id: 'x', kind: 'weird' },
        xml: { name: 'thing' },
        externalDocs: { url: 'https://example.com/things' },
        'x-tags': ['Things'],
        deprecated: false,
        discriminator: { propertyName: 'kind' },
        properties: {
          id: { type: 'string', readOnly: true, example: 7 },
          kind: { type: 'string', enum: ['a', 'b'], nullable: true },
          parent: { $ref: '#/components/schemas/thing', nullable: true, description: 'recursive' },
          owner: { allOf: [{ $ref: '#/components/schemas/owner' }], nullable: true },
          meta: { nullable: false, properties: { n: { type: 'integer' } } },
          seen_at: { type: 'string', format: 'timestamp' },
          made_up: { type: 'string', format: 'no-such-format' },
          created_at: { type: 'integer', format: 'date-time' },
          url: { type: 'string', format: 'uri' },
          legacy: { type: 'string', deprecated: true, nullable: true, 'x-fern-ignore': true },
          children: { type: 'array', items: { $ref: '#/components/schemas/thing' } }
        }
      },
      owner: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      error: { type: 'object', required: ['type'], properties: { type: { type: 'string', enum: ['error.list'] } } }
    }
  }
}

t.test('OpenAPI-only keywords, nullable forms, recursion, formats and status fallbacks', async t => {
  const spec: Spec = specFromDocument(structuredClone(SYNTHETIC), 'synthetic', '<memory>/synthetic.yaml')
  const check = (status: number, body: unknown, url = '/things/1'): string[] => validateWithSpec(spec, { method: 'GET', url, status, body }).errors

  t.same(check(200, { id: 'a', kind: null, parent: null, owner: null, legacy: null, meta: { n: 1 }, seen_at: 'whenever', made_up: '?', created_at: 1714564800, url: 'https://x.test/a', children: [{ id: 'b', parent: { id: 'a' } }] }), [])
  t.same(check(200, { id: 'a', kind: 'c' }), ['GET /things/{id} 200: /kind must be equal to one of the allowed values (a, b, null) — got "c"'])
  t.same(check(200, { id: 'a', owner: {} }), ['GET /things/{id} 200: /owner must have required property \'name\''], 'nullable next to allOf')
  t.same(check(200, { id: 'a', parent: 5 }), ['GET /things/{id} 200: /parent must be object — got 5'], 'nullable next to $ref')
  t.same(check(200, { id: 'a', children: [{ id: 'b', parent: { id: 7 } }] }), ['GET /things/{id} 200: /children/0/parent/id must be string — got 7'], 'recursive $ref')
  t.same(check(200, { id: 'a', meta: { n: 'x' } }), ['GET /things/{id} 200: /meta/n must be integer — got "x"'], 'nullable: false without type is dropped, the rest applies')
  t.same(check(200, { id: 'a', url: 'not a uri' }), ['GET /things/{id} 200: /url must match format "uri" — got "not a uri"'])

  t.same(check(204, undefined), [], 'no content documented and none sent')
  t.same(check(204, { a: 1 }), ['GET /things/{id} 204: the synthetic spec documents no body, got {"a":1}'])
  t.same(check(404, {}), ['GET /things/{id} 404: / must have required property \'type\''], '$ref to components/responses')
  t.same(check(418, {}), ['GET /things/{id} 4XX: / must have required property \'range\''], 'a range before default')
  t.same(check(500, {}), ['GET /things/{id} default: / must have required property \'default\''])
  t.same(check(200, { a: 1 }, '/things/1/example-only'), ['no schema for GET /things/{id}/example-only 200 application/json in the synthetic spec'])
  t.same(check(200, 'hi', '/things/1/text'), ['GET /things/{id}/text 200: no application/json content in the synthetic spec (it has text/plain)'])
  t.same(responseExamples(spec, findResponse(spec, spec.operations[0]!, 200)!), new Map([['one', { id: 'a' }]]))
})

t.test('every response schema of the richest specs compiles', async t => {
  for (const version of ['2.16', 'Preview']) {
    const spec = loadSpec(version)
    const problems: string[] = []
    let compiled = 0
    for (const operation of spec.operations) {
      for (const key of Object.keys(operation.definition.responses ?? {})) {
        const status = key === 'default' ? 599 : Number(key)
        if (findResponse(spec, operation, status)?.response.content?.['application/json']?.schema === undefined) continue
        compiled++
        const { errors } = validateWithSpec(spec, { method: operation.method, url: operation.path, status, body: Symbol('not JSON') })
        problems.push(...errors.filter(e => e.includes('cannot compile')))
      }
    }
    t.ok(compiled > 500, `${version}: ${compiled} response schemas`)
    t.same(problems, [], `${version}: discriminator, readOnly, deprecated, x-* and nullable forms compile`)
  }
})

t.test('missing schemas are listed only where the spec really lacks them', async t => {
  for (const missing of MISSING_SCHEMAS) {
    for (const version of missing.versions) {
      t.throws(() => resolveLocalRef(loadSpec(version), missing.ref), /points nowhere/, `${version} ${missing.ref} is still absent`)
    }
  }
  const conversation = example200('2.11', 'GET', '/conversations/123')
  t.same(validateResponse({ version: '2.11', method: 'GET', url: '/conversations/123', status: 200, body: { ...conversation, custom_attributes: { any: ['thing'] } } }).errors.map(normalizeError),
    NULL_2_11_OBJECTS, '2.11 conversations compile despite the dangling custom_attributes reference')
})

t.test('known deviations suppress exactly what they name', async t => {
  const entry: KnownDeviation = { versions: ['2.11'], operation: 'GET /conversations/{conversation_id}', instancePath: '/statistics', keyword: 'type', reason: 'test' }
  const site = { version: '2.11', operation: 'GET /conversations/{conversation_id}', instancePath: '/statistics', keyword: 'type' }
  t.ok(isKnownDeviation(site, [entry]))
  t.notOk(isKnownDeviation({ ...site, version: '2.12' }, [entry]), 'other version')
  t.notOk(isKnownDeviation({ ...site, operation: 'PUT /conversations/{conversation_id}' }, [entry]), 'other operation')
  t.notOk(isKnownDeviation({ ...site, instancePath: '/statistics/x' }, [entry]), 'deeper path')
  t.notOk(isKnownDeviation({ ...site, keyword: 'required' }, [entry]), 'other keyword')
  t.ok(isKnownDeviation({ ...site, version: '2.12', keyword: 'required' }, [{ ...entry, versions: undefined, keyword: undefined }]), 'all versions, any keyword')
  t.ok(isKnownDeviation({ ...site, instancePath: '/conversations/3/statistics' }, [{ ...entry, instancePath: /\/conversations\/\d+\/statistics/ }]))
  t.notOk(isKnownDeviation({ ...site, instancePath: '/conversations/3/statistics/x' }, [{ ...entry, instancePath: /\/conversations\/\d+\/statistics/ }]), 'a RegExp must match the whole path')
  t.notOk(isKnownDeviation(site, []))

  for (const d of KNOWN_DEVIATIONS) {
    t.ok(d.reason.length > 30, `"${String(d.operation)} ${String(d.instancePath)}" explains itself`)
    if (typeof d.operation !== 'string') continue
    for (const version of d.versions ?? []) {
      t.ok(loadSpec(version).operations.some(o => o.name === d.operation), `${d.operation} exists in ${version}`)
    }
  }
})

t.test('assertMatchesSpec passes naming the operation, or fails with every error', async t => {
  const me = example200('2.16', 'GET', '/me')
  const app = Fastify()
  app.get('/me', async () => me)
  app.get('/broken', async () => ({ ...me, id: 1, name: 2 }))
  app.get('/text', async (_, reply) => reply.type('text/plain').send('not json'))
  t.teardown(() => app.close())

  const recorded: Array<{ ok: boolean, message: string }> = []
  const recorder = {
    pass: (...args: unknown[]) => { recorded.push({ ok: true, message: String(args[0]) }); return true },
    fail: (...args: unknown[]) => { recorded.push({ ok: false, message: String(args[0]) }); return false }
  }
  const request = { version: '2.16', method: 'GET', url: '/me' }

  t.equal(assertMatchesSpec(recorder, await app.inject({ method: 'GET', url: '/me' }), request), true)
  t.equal(assertMatchesSpec(recorder, await app.inject({ method: 'GET', url: '/broken' }), request), false)
  t.equal(assertMatchesSpec(recorder, { status: 200, body: me }, request), true)
  t.equal(assertMatchesSpec(recorder, await app.inject({ method: 'GET', url: '/text' }), request), false)
  t.equal(recorded.length, 4)
  t.same(recorded[0], { ok: true, message: 'GET /me → 200 matches GET /me 200 in the 2.16 OpenAPI description' })
  t.equal(recorded[1]?.ok, false)
  t.match(recorded[1]?.message, /^GET \/me → 200 does not match the 2\.16 OpenAPI description:\n {2}- GET \/me 200: \/id must be string — got 1\n {2}- GET \/me 200: \/name must be string — got 2$/)
  t.match(recorded[3]?.message, /the body is not JSON/)

  assertMatchesSpec(t, await app.inject({ method: 'GET', url: '/me?x=1' }), { ...request, url: '/me?x=1' })
})

function normalizeError (error: string): string {
  return error.replace(/^[A-Z]+ \S+ \d{3}: /, '').replace(/[0-9a-f]{24}/g, '<id>')
}

function escape (text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
