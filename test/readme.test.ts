import { readFileSync } from 'node:fs'
import t from 'tap'
import { SETTINGS } from '../src/config.js'

const readme = readFileSync('README.md', 'utf8')

t.test('the README configuration table lists every setting as src/config.ts defines it', async t => {
  const table = /<!-- settings-table[^>]*-->\n([\s\S]*?)<!-- \/settings-table -->/.exec(readme)?.[1] ?? ''
  const rows = table.trim().split('\n').slice(2)
  t.same(rows, SETTINGS.map(s => `| \`${s.env}\` | \`--${s.flag}\` | ${s.default === null ? 'unset' : `\`${s.default}\``} | ${s.description} |`))
})

t.test('CI runs npm ci and then exactly the README\'s test command', async t => {
  t.match(readme, 'npm install && npm test ')
  const ci = readFileSync('.ci/run', 'utf8').split('\n').filter(line => line !== '' && !line.startsWith('#') && !line.startsWith('set ') && !line.startsWith('cd '))
  t.same(ci, ['npm ci', 'npm test'])
})
