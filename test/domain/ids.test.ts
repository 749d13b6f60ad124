import t from 'tap'
import { seededUuidSource } from '../../src/domain/ids.js'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

t.test('request ids: UUIDs of version 4 shape, a pure function of (seed, n), never repeated', async t => {
  const ids = seededUuidSource('intercom-mock', 'request')
  const seen = new Set<string>()
  for (let n = 1; n <= 200_000; n++) seen.add(ids(n))
  t.equal(seen.size, 200_000, 'no two requests share an id')
  t.ok([...seen].every(id => UUID_V4.test(id)), 'every id is shaped as Intercom\'s OpenAPI declares (format: uuid)')
  t.equal(seededUuidSource('intercom-mock', 'request')(42), ids(42), 'the same seed gives the same ids')
  t.not(seededUuidSource('another seed', 'request')(42), ids(42), 'another seed gives others')
  t.not(ids(2).slice(0, 8), ids(1).slice(0, 8), 'neighbouring requests do not look alike')
})
