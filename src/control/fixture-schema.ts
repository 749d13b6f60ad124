import { FixturesSchema } from './fixtures.js'

/**
 * The JSON Schema of the fixture file, from its typebox definition: `fixtures/schema.json`, which
 * `npm run fixture-schema` writes and test/control/fixture-schema.test.ts keeps equal to this.
 */
export function fixturesJsonSchema (): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'intercom-mock fixtures',
    description: 'What every new workspace of intercom-mock starts with (INTERCOM_MOCK_FIXTURES).',
    // finiteMaximum is the mock's own Ajv keyword (see schemas/common.ts); editors know only `maximum`.
    ...JSON.parse(JSON.stringify(FixturesSchema), (key, value: unknown) => key === 'finiteMaximum' ? undefined : value) as Record<string, unknown>
  }
}
