import type { Body } from '../domain/types.js'

/** How bodies are shown: Intercom's HTML by default, or plain text for `display_as=plaintext`. */
export type BodyDisplay = 'html' | 'plaintext'

/**
 * A body as Intercom shows it. Plaintext (what users write) becomes escaped `<p>` paragraphs, one per
 * line; HTML (what admins write) is kept, wrapped in a paragraph when it has no markup. With
 * `plaintext`, markup is stripped and entities decoded, so a user's words come back as written.
 */
export function renderBody (body: Body, display: BodyDisplay): string {
  if (display === 'plaintext') return body.format === 'plaintext' ? body.text : htmlToText(body.text)
  if (body.format === 'html') return /<[a-z][^<>]*>/i.test(body.text) ? body.text : `<p>${body.text}</p>`
  return body.text
    .split(/\r?\n/)
    .filter(line => line.trim() !== '')
    .map(line => `<p>${escapeHtml(line)}</p>`)
    .join('')
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

export function escapeHtml (text: string): string {
  return text.replace(/[&<>"']/g, char => ESCAPES[char] as string)
}

function htmlToText (html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<[^<>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/gi, (entity, name: string) => decodeEntity(name) ?? entity)
    .replace(/\n{2,}/g, '\n')
    .trim()
}

/** The character an entity stands for; undefined (the entity is kept as written) when it stands for none. */
function decodeEntity (name: string): string | undefined {
  const lower = name.toLowerCase()
  if (!lower.startsWith('#')) return ENTITIES[lower]
  const codePoint = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10)
  return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : undefined
}
