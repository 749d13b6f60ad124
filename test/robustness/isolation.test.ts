import t from 'tap'
import { FIXTURE, listen } from '../helper.js'

/**
 * Isolation: suites running in parallel on distinct tokens, writing and reading through 1.x, 2.x and
 * search at the same time, each see their own data and never another's; strict mode refuses every
 * other token, with no data.
 */
const SUITES = 8
const ROUNDS = 6

interface Page { [list: string]: unknown }

t.test(`${SUITES} suites in parallel on their own tokens never see each other's data`, async t => {
  const mock = await listen(t)
  const call = async (token: string, method: string, path: string, body?: unknown, version?: string) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (version !== undefined) headers['intercom-version'] = version
    const res = await fetch(`${mock.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
    return { status: res.status, text: await res.text() }
  }
  const leaks: string[] = []
  const problems: string[] = []
  const suite = async (index: number) => {
    const token = `suite-${index}`
    const marker = `marker${index}x`
    const others = Array.from({ length: SUITES }, (_, i) => `marker${i}x`).filter(m => m !== marker)
    const look = (what: string, text: string) => {
      for (const other of others) if (text.includes(other)) leaks.push(`${token} saw ${other} in ${what}`)
    }
    const expect = (what: string, res: { status: number }) => { if (res.status !== 200) problems.push(`${token}: ${what} answered ${res.status}`) }
    for (let round = 0; round < ROUNDS; round++) {
      const user = await call(token, 'POST', '/users', { user_id: `${marker}-u${round}`, email: `${marker}-${round}@example.com`, name: marker })
      expect('POST /users', user)
      const message = await call(token, 'POST', '/messages', { from: { type: 'user', id: FIXTURE.mal.id }, body: `${marker} round ${round}` })
      expect('POST /messages', message)
      const contact = await call(token, 'POST', '/contacts', { role: 'user', external_id: `${marker}-c${round}`, name: marker }, '2.11')
      expect('POST /contacts (2.x)', contact)
      const contactId = (JSON.parse(contact.text) as { id: string }).id
      expect('POST /conversations (2.x)', await call(token, 'POST', '/conversations', { from: { type: 'user', id: contactId }, body: `${marker} 2.x ${round}` }, '2.11'))
      for (const [what, res] of [
        ['GET /users', await call(token, 'GET', '/users?per_page=60')],
        ['GET /conversations', await call(token, 'GET', '/conversations?per_page=60')],
        ['GET /contacts (2.x)', await call(token, 'GET', '/contacts?per_page=150', undefined, '2.11')],
        ['GET /conversations (2.x)', await call(token, 'GET', '/conversations?per_page=150', undefined, '2.11')],
        ['search conversations', await call(token, 'POST', '/conversations/search', { query: { field: 'source.body', operator: '!=', value: 'nothing' }, pagination: { per_page: 150 } }, '2.11')],
        ['search contacts', await call(token, 'POST', '/contacts/search', { query: { field: 'name', operator: '~', value: 'marker' }, pagination: { per_page: 150 } }, '2.11')],
        ['search words', await call(token, 'POST', '/conversations/search', { query: { field: 'source.body', operator: 'IN', value: others } }, '2.11')]
      ] as const) {
        expect(what, res)
        look(what, res.text)
      }
    }
    const own = JSON.parse((await call(token, 'POST', '/contacts/search', { query: { field: 'name', operator: '=', value: marker } }, '2.11')).text) as { total_count: number }
    const ownWords = JSON.parse((await call(token, 'POST', '/conversations/search', { query: { field: 'source.body', operator: '=', value: marker } }, '2.11')).text) as { total_count: number }
    return { own: own.total_count, ownWords: ownWords.total_count }
  }
  const results = await Promise.all(Array.from({ length: SUITES }, (_, i) => suite(i)))
  t.same(problems, [], 'every request of every suite succeeded')
  t.same(leaks, [], 'no suite saw another suite\'s data in any list or search')
  t.same(results, Array.from({ length: SUITES }, () => ({ own: 2 * ROUNDS, ownWords: 2 * ROUNDS })), 'each suite finds exactly its own users, contacts and conversations')
})

t.test('strict mode refuses every other token, with no data', async t => {
  const mock = await listen(t, { tokens: ['allowed-a', 'allowed-b'] })
  const headers = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' })
  const written = await fetch(`${mock.url}/users`, { method: 'POST', headers: headers('allowed-a'), body: JSON.stringify({ user_id: 'secret-user', name: 'Secret' }) })
  t.equal(written.status, 200)
  for (const token of ['allowed-c', 'Allowed-a', 'allowed-aa', 'llowed-a', '', 'allowed-a,allowed-b']) {
    for (const [method, path, body] of [['GET', '/users', undefined], ['GET', '/users?user_id=secret-user', undefined], ['POST', '/users', { user_id: 'intruder' }],
      ['POST', '/contacts/search', { query: { field: 'name', operator: '=', value: 'Secret' } }], ['GET', '/conversations', undefined], ['GET', '/me', undefined]] as const) {
      const res = await fetch(`${mock.url}${path}`, { method, headers: headers(token), ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
      const text = await res.text()
      t.equal(res.status, 401, `${JSON.stringify(token)} ${method} ${path}: 401`)
      t.match(JSON.parse(text), { type: 'error.list', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] })
      t.notMatch(text, /secret|Secret|intruder|serenity/, 'no data in the refusal')
    }
  }
  const other = await fetch(`${mock.url}/users?user_id=secret-user`, { headers: headers('allowed-b') })
  t.equal(other.status, 404, 'an allowed token has its own workspace: it cannot see the other\'s user either')
  const intruder = await fetch(`${mock.url}/users?user_id=intruder`, { headers: headers('allowed-a') })
  t.equal(intruder.status, 404, 'nothing a refused token sent was written')
})
