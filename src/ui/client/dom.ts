/** Small DOM helpers: elements built from data, never from HTML strings (bodies go through `safeHtml`). */

type Child = Node | string | null | undefined | false
type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>

export function h<K extends keyof HTMLElementTagNameMap> (tag: K, attrs: Attrs = {}, ...children: Array<Child | Child[]>): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value)
    else if (value === true) element.setAttribute(name, '')
    else element.setAttribute(name, String(value))
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue
    element.append(typeof child === 'string' ? document.createTextNode(child) : child)
  }
  return element
}

const ALLOWED_TAGS = new Set(['P', 'BR', 'B', 'STRONG', 'I', 'EM', 'U', 'A', 'UL', 'OL', 'LI', 'CODE', 'PRE', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'SPAN', 'DIV', 'IMG'])

/**
 * A message body (HTML a client sent) as nodes of a few harmless tags; anything else becomes its
 * text. Links and images keep only http(s) addresses.
 */
export function safeHtml (html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html')
  const out = document.createDocumentFragment()
  const copy = (from: Node, to: Node): void => {
    for (const node of Array.from(from.childNodes)) {
      if (node.nodeType === Node.TEXT_NODE) { to.appendChild(document.createTextNode(node.textContent ?? '')); continue }
      if (!(node instanceof Element)) continue
      if (!ALLOWED_TAGS.has(node.tagName)) { copy(node, to); continue }
      const element = document.createElement(node.tagName.toLowerCase())
      const url = node.getAttribute(node.tagName === 'IMG' ? 'src' : 'href')
      if (node.tagName === 'A' && url !== null && /^https?:/i.test(url)) { element.setAttribute('href', url); element.setAttribute('rel', 'noreferrer noopener'); element.setAttribute('target', '_blank') }
      if (node.tagName === 'IMG') {
        if (url === null || !/^https?:/i.test(url)) continue
        element.setAttribute('alt', node.getAttribute('alt') ?? 'image')
        element.setAttribute('data-src', url) // never loaded: the mock runs offline
      }
      copy(node, element)
      to.appendChild(element)
    }
  }
  copy(parsed.body, out)
  return out
}

/** A body's text, for excerpts. */
export function plainText (html: string): string {
  return (new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body.textContent ?? '').replace(/\s+/g, ' ').trim()
}

export function formatTime (unix: number | null | undefined): string {
  if (unix === null || unix === undefined) return '—'
  return new Date(unix * 1000).toISOString().replace('T', ' ').replace(/\.000Z$/, ' UTC')
}

/** "5 min ago" against the workspace's clock, which may be frozen or moved. */
export function ago (unix: number, now: number): string {
  const s = Math.max(0, now - unix)
  if (s < 60) return 'just now'
  if (s < 3600) return `${Math.floor(s / 60)} min ago`
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`
  return `${Math.floor(s / 86400)} d ago`
}

export function timeElement (unix: number | null | undefined, now?: number): HTMLElement {
  if (unix === null || unix === undefined) return h('span', {}, '—')
  return h('time', { datetime: new Date(unix * 1000).toISOString(), title: formatTime(unix) }, now === undefined ? formatTime(unix) : ago(unix, now))
}

export function pretty (value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2)
}

export function badge (text: string, kind = ''): HTMLElement {
  return h('span', { class: `badge ${kind}`.trim() }, text)
}

/** A list-shaped field of the API (`{type:'list', data:[…]}`, `{tags:[…]}`…) as its items, or null. */
export function listItems (value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value
  if (value === null || typeof value !== 'object') return null
  for (const key of ['data', 'tags', 'companies', 'notes', 'segments', 'events']) {
    const inner = (value as Record<string, unknown>)[key]
    if (Array.isArray(inner)) return inner
  }
  return null
}

/** What a list item is called: its name, title, email, body or id. */
export function itemLabel (item: unknown): string {
  if (item === null || typeof item !== 'object') return String(item)
  const o = item as Record<string, unknown>
  for (const key of ['name', 'title', 'email', 'event_name', 'body', 'id']) {
    if (typeof o[key] === 'string' && o[key] !== '') return key === 'body' ? plainText(o[key]) : o[key]
  }
  return JSON.stringify(item)
}

/**
 * Replaces a live list's rows and puts the keyboard focus back on the row it was on (found by
 * `attribute`), so that a live update never throws a keyboard user out of the list.
 */
export function replaceKeepingFocus (container: HTMLElement, attribute: string, rows: Node[]): void {
  const focused = document.activeElement
  const id = focused instanceof HTMLElement && container.contains(focused) ? focused.getAttribute(attribute) : null
  container.replaceChildren(...rows)
  if (id !== null) container.querySelector<HTMLElement>(`[${attribute}="${CSS.escape(id)}"]`)?.focus()
}
