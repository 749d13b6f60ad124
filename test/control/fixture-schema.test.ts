import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import t from 'tap'
import { fixturesJsonSchema } from '../../src/control/fixture-schema.js'

const shipped = JSON.parse(readFileSync('fixtures/schema.json', 'utf8')) as Record<string, unknown>

t.test('fixtures/schema.json is the JSON Schema of the typebox fixture format (npm run fixture-schema rewrites it)', async t => {
  t.strictSame(shipped, fixturesJsonSchema())
})

t.test('the default fixtures point editors at the schema, and it accepts them', async t => {
  const fixtures = JSON.parse(readFileSync('fixtures/default.json', 'utf8')) as Record<string, unknown>
  t.equal(fixtures.$schema, './schema.json')
  const validate = new Ajv({ allErrors: true }).compile(shipped)
  t.ok(validate(fixtures), JSON.stringify(validate.errors))
})

t.test('the schema refuses what the mock refuses, naming the place', async t => {
  const validate = new Ajv({ allErrors: true }).compile(shipped)
  t.notOk(validate({ users: [] }))
  t.match(validate.errors, [{ instancePath: '', keyword: 'required', params: { missingProperty: 'admins' } }])
  t.notOk(validate({ admins: [{ id: 'wash', name: 'Wash', email: 'wash@serenity.io' }] }))
  t.match(validate.errors, [{ instancePath: '/admins/0/id', keyword: 'pattern' }])
  t.notOk(validate({ admins: [{ id: '1', name: 'A', email: 'a@b.c' }], colour: 'blue' }))
  t.match(validate.errors, [{ keyword: 'additionalProperties', params: { additionalProperty: 'colour' } }])
})
