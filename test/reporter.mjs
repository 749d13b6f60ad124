// tap's reporter for `npm test` (package.json "tap.reporter"). In CI (CI set, as GitHub Actions, GitLab
// and .ci/run set it) the terse report: a green run is a few lines of counts, a red one lists each failing
// file and assertion with its diff and source, then the counts. In a terminal, tap's own interactive
// view; piped elsewhere, raw TAP — tap's defaults. `npx tap --reporter=<name>` still picks any other.
import { PassThrough } from 'node:stream'
import { Base, Terse } from '@tapjs/reporter'

const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false'

export default inCi ? Terse : process.stdout.isTTY ? Base : PassThrough
