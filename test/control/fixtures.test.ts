import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { defaultConfig } from '../../src/config.js'
import { FixtureError, loadFixtures, validateFixtures } from '../../src/control/fixtures.js'
import { build, fixtures } from '../helper.js'

const valid = () => structuredClone(fixtures()) as unknown as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

t.test('the default fixtures hold Wash, a team, users, leads and visitors, and no conversations', async t => {
  const f = loadFixtures('fixtures/default.json')
  t.match(f.admins[0], { id: '394051', name: 'Wash' })
  t.ok(f.teams?.length)
  t.match(f.users?.find(u => u.id === '536e564f316c83104c000020'), { user_id: '25', email: 'mal@serenity.io' })
  t.ok(f.leads?.length)
  t.ok(f.visitors?.length)
  t.notOk('conversations' in f)
})

t.test('a broken fixture names the file and the JSON path of the problem', async t => {
  const cases: Array<[string, (f: Record<string, any>) => void, RegExp]> = [ // eslint-disable-line @typescript-eslint/no-explicit-any
    ['a contact id that is not 24-hex', f => { f.users[0].id = 'nope' }, /^f\.json: \/users\/0\/id: Expected string to match '.*' \(a 24-hex Intercom object id\)$/],
    ['a misspelt field', f => { f.users[1].emial = 'x@example.com' }, /^f\.json: \/users\/1\/emial: Unexpected property$/],
    ['no admins', f => { f.admins = [] }, /^f\.json: \/admins: Expected array length to be greater or equal to 1$/],
    ['an admin without a name', f => { delete f.admins[2].name }, /^f\.json: \/admins\/2\/name: Expected required property$/],
    ['a duplicate contact id', f => { f.leads[0].id = f.users[0].id }, /^f\.json: \/leads\/0\/id: contact id 536e564f316c83104c000020 is used twice$/],
    ['a duplicate user_id', f => { f.users[1].user_id = '25' }, /^f\.json: \/users\/1\/user_id: user_id 25 is used twice$/],
    ['a team member who is not an admin', f => { f.teams[0].admin_ids.push('1') }, /^f\.json: \/teams\/0\/admin_ids\/2: no admin has id 1$/],
    ['me who is not an admin', f => { f.me = '2' }, /^f\.json: \/me: no admin has id 2$/],
    ['a custom attribute that is an object', f => { f.users[0].custom_attributes = { a: { b: 1 } } }, /^f\.json: \/users\/0\/custom_attributes\/a: /],
    ['a rate limit of 0', f => { f.rate_limit = { limit: 0 } }, /^f\.json: \/rate_limit\/limit: Expected integer to be greater or equal to 1/],
    ['a rate limit without a limit', f => { f.rate_limit = { window_seconds: 10 } }, /^f\.json: \/rate_limit\/limit: limit is required/],
    ['a rate limit both off and set', f => { f.rate_limit = { enabled: false, limit: 5 } }, /^f\.json: \/rate_limit\/limit: limit cannot be set together with "enabled": false$/]
  ]
  for (const [name, breakIt, message] of cases) {
    const broken = valid()
    breakIt(broken)
    let error: unknown
    try {
      validateFixtures('f.json', broken)
    } catch (caught) {
      error = caught
    }
    t.type(error, FixtureError, name)
    t.match((error as Error).message, message, name)
  }
})

t.test('an unreadable or non-JSON fixture file is a FixtureError naming it', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'intercom-mock-fixtures-'))
  const bad = join(dir, 'bad.json')
  writeFileSync(bad, '{"admins": [')
  t.throws(() => loadFixtures(bad), { name: 'FixtureError', message: new RegExp(`^${bad.replace(/[.\\]/g, '\\$&')}: is not valid JSON: `) })
  t.throws(() => loadFixtures(join(dir, 'missing.json')), { name: 'FixtureError', message: /missing\.json: cannot be read \(ENOENT\)$/ })
  t.throws(() => buildApp(defaultConfig({ dbPath: ':memory:', fixturesPath: bad, logLevel: 'silent' })), { name: 'FixtureError' })
})

t.test('a custom fixture file seeds new workspaces with its people', async t => {
  const custom = valid()
  custom.users = [{ id: 'aaaaaaaaaaaaaaaaaaaaaaaa', user_id: 'custom-1', email: 'custom@example.com' }]
  custom.leads = []
  custom.visitors = []
  const api = await build(t, {}, { fixtures: validateFixtures('custom.json', custom) })
  t.equal((await api.request({ url: '/users?user_id=custom-1' })).json().id, 'aaaaaaaaaaaaaaaaaaaaaaaa')
  t.equal((await api.request({ url: '/users' })).json().total_count, 1)
})
