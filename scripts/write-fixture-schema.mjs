#!/usr/bin/env node
// Writes fixtures/schema.json from the fixture format's typebox definition (run `npm run fixture-schema`,
// which builds first). test/control/fixture-schema.test.ts fails while the two differ.
import { writeFileSync } from 'node:fs'
import { fixturesJsonSchema } from '../dist/control/fixture-schema.js'

const file = new URL('../fixtures/schema.json', import.meta.url)
writeFileSync(file, `${JSON.stringify(fixturesJsonSchema(), null, 2)}\n`)
process.stdout.write('fixtures/schema.json written\n')
