#!/usr/bin/env node
// Refreshes vendor/intercom-openapi/ from a checkout of https://github.com/intercom/Intercom-OpenAPI:
//
//   git clone https://github.com/intercom/Intercom-OpenAPI /tmp/Intercom-OpenAPI
//   npm run refresh-openapi -- /tmp/Intercom-OpenAPI            # the commit is read with git
//   npm run refresh-openapi -- <copy without .git> --commit <sha>
//
// Each description is reduced to what the response validator (test/openapi/) reads: every operation's
// responses (schemas and examples), components.responses, and the component schemas those reach, with
// the schema annotations `description` and `example` removed. Nothing that validates is changed.
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse, stringify } from 'yaml'

/** The folders the tests use: 2.7–2.16, and 0 (Preview, which Unstable also maps to). */
const VERSIONS = ['2.7', '2.8', '2.9', '2.10', '2.11', '2.12', '2.13', '2.14', '2.15', '2.16', '0']
const FILE = 'api.intercom.io.yaml'
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
const UPSTREAM = 'https://github.com/intercom/Intercom-OpenAPI'
const target = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'vendor', 'intercom-openapi')

const args = process.argv.slice(2)
const commitFlag = args.indexOf('--commit')
const commit = commitFlag === -1 ? undefined : args.splice(commitFlag, 2)[1]
const checkout = args[0]
if (checkout === undefined || !existsSync(join(checkout, 'descriptions'))) {
  process.stderr.write('usage: node scripts/refresh-openapi.mjs <checkout of Intercom-OpenAPI> [--commit <sha>]\n')
  process.exit(2)
}
const sha = commit ?? gitHead(checkout)
const licence = ['LICENSE', 'LICENSE.md'].map(name => join(checkout, name)).find(existsSync)
if (licence === undefined) {
  process.stderr.write(`${checkout} has no LICENSE: the MIT licence must travel with the copies\n`)
  process.exit(2)
}

rmSync(join(target, 'descriptions'), { recursive: true, force: true })
const rows = []
for (const version of VERSIONS) {
  const source = join(checkout, 'descriptions', version, FILE)
  const text = readFileSync(source, 'utf8')
  const reduced = reduce(parse(text))
  const header = `# Reduced from ${UPSTREAM} descriptions/${version}/${FILE} at ${sha}\n# by scripts/refresh-openapi.mjs; see ../../SOURCE.md. Licence: ../../LICENSE.md (MIT, Intercom, Inc.)\n`
  const output = header + stringify(reduced, { lineWidth: 0, aliasDuplicateObjects: false })
  mkdirSync(join(target, 'descriptions', version), { recursive: true })
  writeFileSync(join(target, 'descriptions', version, FILE), output)
  rows.push(`| descriptions/${version}/${FILE} | ${reduced.info?.version ?? ''} | ${digest(text)} | ${Buffer.byteLength(text)} | ${Buffer.byteLength(output)} |`)
}
copyFileSync(licence, join(target, 'LICENSE.md'))
writeFileSync(join(target, 'SOURCE.md'), `# Source of these files

Intercom's official OpenAPI 3.0 descriptions, from ${UPSTREAM} (MIT licence, Copyright (c) Intercom, Inc.;
see LICENSE.md), at commit \`${sha}\`. The layout is the repository's: \`descriptions/<version>/${FILE}\`
(folder \`0\` is the Preview description, which the tests also use for \`Unstable\`). Intercom published no
description for 1.x or 2.0–2.6.

Written by \`scripts/refresh-openapi.mjs\` (\`npm run refresh-openapi -- <checkout>\`), which reduces each file
to what the response validator reads: every operation's responses (schemas and examples),
\`components.responses\`, and the component schemas those reach, without the \`description\` and \`example\`
annotations of schemas. \`INTERCOM_OPENAPI_DIR\` may point the tests at an unreduced \`descriptions\` folder.

| file | info.version | sha256 of the upstream file (16 hex) | upstream bytes | bytes here |
| --- | --- | --- | ---: | ---: |
${rows.join('\n')}
`)
process.stdout.write(`vendor/intercom-openapi: ${VERSIONS.length} descriptions from ${sha}\n`)

function gitHead (dir) {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()
  } catch {
    process.stderr.write(`${dir} is not a git checkout: pass --commit <sha> to record where it came from\n`)
    process.exit(2)
  }
}

function digest (text) {
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}

function reduce (document) {
  const paths = {}
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const kept = {}
    for (const method of METHODS) {
      if (item[method]?.responses !== undefined) kept[method] = { responses: mapValues(item[method].responses, reduceResponse) }
    }
    if (Object.keys(kept).length > 0) paths[path] = kept
  }
  const components = document.components ?? {}
  const responses = components.responses === undefined ? undefined : mapValues(components.responses, reduceResponse)
  const schemas = reachableSchemas(components.schemas ?? {}, [paths, responses ?? {}, { $ref: '#/components/schemas/error' }])
  return {
    openapi: document.openapi,
    info: { title: document.info?.title, version: document.info?.version },
    paths,
    components: { schemas: mapValues(schemas, stripAnnotations), ...(responses === undefined ? {} : { responses }) }
  }
}

function reduceResponse (response) {
  if (response.$ref !== undefined) return response
  const content = response.content === undefined
    ? undefined
    : mapValues(response.content, media => ({ ...media, ...(media.schema === undefined ? {} : { schema: stripAnnotations(media.schema) }) }))
  return { description: response.description ?? '', ...(content === undefined ? {} : { content }) }
}

/** The component schemas that the roots refer to, directly or through other schemas, in the source's order. */
function reachableSchemas (all, roots) {
  const reached = new Set()
  const pending = roots.flatMap(refsIn)
  while (pending.length > 0) {
    const name = pending.pop()
    if (reached.has(name) || all[name] === undefined) continue
    reached.add(name)
    pending.push(...refsIn(all[name]))
  }
  return Object.fromEntries(Object.entries(all).filter(([name]) => reached.has(name)))
}

function refsIn (node) {
  const names = []
  const visit = value => {
    if (Array.isArray(value)) return value.forEach(visit)
    if (value === null || typeof value !== 'object') return
    const match = typeof value.$ref === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(value.$ref) : null
    if (match !== null) names.push(decodeURIComponent(match[1]).replace(/~1/g, '/').replace(/~0/g, '~'))
    Object.values(value).forEach(visit)
  }
  visit(node)
  return names
}

/** A schema without `description` and `example`, which are annotations; property names are left alone. */
function stripAnnotations (schema) {
  if (Array.isArray(schema)) return schema.map(stripAnnotations)
  if (schema === null || typeof schema !== 'object') return schema
  const out = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'description' || key === 'example') continue
    if (key === 'properties' || key === 'patternProperties') out[key] = mapValues(value, stripAnnotations)
    else if (['items', 'additionalProperties', 'not', 'allOf', 'anyOf', 'oneOf'].includes(key)) out[key] = stripAnnotations(value)
    else out[key] = value
  }
  return out
}

function mapValues (object, fn) {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, fn(value)]))
}
