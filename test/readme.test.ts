import { readFileSync } from 'node:fs'
import t from 'tap'
import { SETTINGS } from '../src/config.js'

const readme = readFileSync('README.md', 'utf8')

t.test('the README configuration table lists every setting as src/config.ts defines it', async t => {
  const table = /<!-- settings-table[^>]*-->\n([\s\S]*?)<!-- \/settings-table -->/.exec(readme)?.[1] ?? ''
  const rows = table.trim().split('\n').slice(2)
  t.same(rows, SETTINGS.map(s => `| \`${s.env}\` | \`--${s.flag}\` | ${s.default === null ? 'unset' : `\`${s.default}\``} | ${s.description} |`))
})

t.test('CI installs Chromium when missing, runs npm ci and then exactly the README\'s test command', async t => {
  t.match(readme, 'npm install && npm test ')
  const ci = readFileSync('.ci/run', 'utf8').split('\n').filter(line => line !== '' && !line.startsWith('#') && !line.startsWith('set ') && !line.startsWith('cd ') && !line.startsWith('export '))
  // The web inbox's browser tests (test/ui/) need Debian's Chromium; CI runs as root on a fresh machine.
  t.same(ci, ['[ -x /usr/bin/chromium ] || { apt-get update && apt-get install -y chromium; }', 'npm ci', 'npm test'])
})

// The team's reference folder beside the checkout, which users who clone the project do not have;
// spelt in pieces so that this test does not name it itself.
const SHARED_FOLDER = ['..', 'shared'].join('/')

t.test('nothing a user runs or reads depends on the team\'s shared folder (only code comments may cite it)', async t => {
  const { execFileSync } = await import('node:child_process')
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'README.md', 'package.json', 'Dockerfile', '.ci', 'scripts', 'test', 'bench'], { encoding: 'utf8' })
    .split('\n').filter(file => file !== '')
  const uses: string[] = []
  for (const file of files) {
    let text: string
    try { text = readFileSync(file, 'utf8') } catch { continue }
    text.split('\n').forEach((line, i) => {
      const code = file.endsWith('.md') || file.endsWith('.json') ? line : line.replace(/^\s*(\/\/|\*|\/\*|#).*$/, '')
      if (code.includes(SHARED_FOLDER)) uses.push(`${file}:${i + 1}: ${line.trim()}`)
    })
  }
  t.same(uses, [])
})

t.test('the README\'s example test files are the ones this suite runs, imports aside', async t => {
  const examples = [...readme.matchAll(/<!-- example: (\S+) -->\n```\w+\n([\s\S]*?)```\n<!-- \/example -->/g)]
  t.strictSame(examples.map(m => m[1]), ['test/readme/tap-example.test.ts', 'test/readme/node-test-example.mjs'])
  for (const [, file, shown] of examples) {
    const actual = readFileSync(file as string, 'utf8').replace("'intercom-client-v7'", "'intercom-client'").replace(/'\.\.\/\.\.\/(src|dist)\/index\.js'/, "'intercom-mock'")
    t.equal(shown, actual, String(file))
  }
})
