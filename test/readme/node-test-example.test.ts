import { spawnSync } from 'node:child_process'
import t from 'tap'

t.test('the README\'s node:test example passes under node --test', async t => {
  const run = spawnSync(process.execPath, ['--test', '--test-reporter=tap', 'test/readme/node-test-example.mjs'], { encoding: 'utf8', timeout: 60_000 })
  t.equal(run.status, 0, run.stdout + run.stderr)
  t.match(run.stdout, /# pass 2/)
})
