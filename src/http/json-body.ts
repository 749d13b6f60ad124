import type { FastifyInstance, FastifyRequest } from 'fastify'
import { errors } from '../domain/errors.js'
import { MAX_JSON_DEPTH } from '../limits.js'

type Done = (error: Error | null, body?: unknown) => void

/**
 * Parses a JSON body, refusing (rather than silently altering) what Intercom could not have meant:
 * a charset other than UTF-8 (415), bytes that are not UTF-8 (400; Node would store U+FFFD in their
 * place), and objects or arrays nested deeper than MAX_JSON_DEPTH (400 naming the place, before any
 * code that recurses sees the value). `empty` is what an empty body stands for.
 */
export function jsonBodyParser (app: FastifyInstance, empty: () => unknown) {
  const parseJson = app.getDefaultJsonParser('error', 'error')
  const utf8 = new TextDecoder('utf-8', { fatal: true })
  return (request: FastifyRequest, body: Buffer, done: Done): void => {
    const charset = charsetOf(request.headers['content-type'])
    if (charset !== null && !/^utf-?8$/i.test(charset)) return done(errors.unsupportedCharset(charset))
    let text: string
    try {
      text = utf8.decode(body)
    } catch {
      return done(errors.bodyNotUtf8())
    }
    if (text.trim() === '') return done(null, empty())
    parseJson(request, text, (error, value) => {
      if (error !== null) return done(error)
      const tooDeep = firstTooDeep(value)
      done(tooDeep === null ? null : errors.nestedTooDeep(tooDeep, MAX_JSON_DEPTH), tooDeep === null ? value : undefined)
    })
  }
}

function charsetOf (contentType: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(contentType ?? '')
  return match === null ? null : match[1] ?? ''
}

interface Node {
  value: unknown
  parent: Node | null
  key: string | number
  depth: number
}

/**
 * The path (`query.value[0].value`) of the first object or array nested more than MAX_JSON_DEPTH deep, or
 * null. Iterative, and paths are only spelled out for the one that is reported.
 */
function firstTooDeep (root: unknown): string | null {
  const stack: Node[] = [{ value: root, parent: null, key: '', depth: 0 }]
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const { value, depth } = node
    if (typeof value !== 'object' || value === null) continue
    if (depth >= MAX_JSON_DEPTH) return pathOf(node)
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], parent: node, key: i, depth: depth + 1 })
    } else {
      const keys = Object.keys(value)
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string
        stack.push({ value: (value as Record<string, unknown>)[key], parent: node, key, depth: depth + 1 })
      }
    }
  }
  return null
}

function pathOf (node: Node): string {
  let path = ''
  for (let n: Node | null = node; n !== null && n.parent !== null; n = n.parent) {
    path = typeof n.key === 'number' ? `[${n.key}]${path}` : `${n.parent.parent === null ? '' : '.'}${n.key}${path}`
  }
  return path
}
