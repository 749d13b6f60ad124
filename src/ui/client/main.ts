import { adminToken, ApiError, call, eventsUrl, get, setAdminToken, whenUnauthorized } from './api.js'
import { controlsView, webhooksView } from './controls.js'
import { h, timeElement } from './dom.js'
import { inboxView } from './inbox.js'
import { journalView } from './journal.js'
import { peopleView } from './people.js'
import type { Overview, View, WorkspaceContext, WorkspaceListing } from './types.js'

/**
 * The page: a hash router (`#/` the workspaces, `#/w/<key>/<tab>/<id>` a workspace's views), one
 * Server-Sent Events stream for the open workspace, and the login form when the mock wants its admin token.
 */
const TABS = [['inbox', 'Inbox'], ['people', 'People'], ['journal', 'Journal'], ['webhooks', 'Webhooks'], ['controls', 'Faults, clock & reset']] as const
type Tab = typeof TABS[number][0]

const root = document.getElementById('app') as HTMLElement
const status = h('p', { class: 'status-line', role: 'status', 'aria-live': 'polite' })
let stream: { key: string, source: EventSource, onChange: () => void } | null = null
let current: { view: View, overview: Overview | null } | null = null
let poll: number | undefined
let refreshQueued = false

function notify (message: string, kind: 'error' | 'ok' = 'ok'): void {
  status.textContent = message
  status.className = `status-line ${kind}`
}

whenUnauthorized(() => { showLogin() })

function showLogin (): void {
  closeStream()
  const token = h('input', { id: 'admin-token', type: 'password', autocomplete: 'current-password', required: true })
  const failed = adminToken() !== null
  root.replaceChildren(h('main', { id: 'main', class: 'login' },
    h('h1', {}, 'intercom-mock'),
    h('form', {
      class: 'stack',
      onsubmit: (e: Event) => { e.preventDefault(); setAdminToken(token.value); void route() }
    },
    h('p', {}, 'This mock runs with INTERCOM_MOCK_ADMIN_TOKEN. Enter it to open its inbox; it is kept for this browser tab only.'),
    failed ? h('p', { class: 'error', role: 'alert' }, 'That admin token was refused.') : null,
    h('label', { for: 'admin-token' }, 'Admin token', token),
    h('button', { type: 'submit' }, 'Sign in'))))
  token.focus()
}

function shell (title: Node | string, nav: HTMLElement | null, body: HTMLElement, live: HTMLElement | null): void {
  root.replaceChildren(
    h('header', { class: 'topbar' },
      h('a', { class: 'brand', href: '#/' }, 'intercom-mock'),
      h('span', { class: 'ws-title' }, title),
      live,
      adminToken() === null ? null : h('button', { type: 'button', class: 'link', onclick: () => { setAdminToken(null); showLogin() } }, 'Sign out')),
    ...(nav === null ? [] : [nav]),
    status,
    h('main', { id: 'main', tabindex: -1 }, body))
}

async function showWorkspaces (): Promise<void> {
  closeStream()
  const rows = h('tbody', {})
  const token = h('input', { id: 'open-token', type: 'text', required: true, placeholder: 'the SDK\'s access token' })
  const load = async (): Promise<void> => {
    const { data } = await get<{ data: WorkspaceListing[] }>('/workspaces')
    rows.replaceChildren(...(data.length === 0
      ? [h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'No workspace yet. A workspace is made on the first API call with a new access token, or open one by its token below.'))]
      : data.map(w => h('tr', {},
        h('td', {}, h('a', { href: `#/w/${w.key}/inbox` }, `${w.token_hint}…`)),
        h('td', {}, timeElement(w.created_at)),
        h('td', {}, String(w.conversations)),
        h('td', {}, String(w.contacts)),
        h('td', {}, String(w.journal_entries))))))
  }
  const body = h('section', { class: 'pane wide-pane', 'aria-labelledby': 'workspaces-title' },
    h('h1', { id: 'workspaces-title' }, 'Workspaces'),
    h('p', { class: 'muted' }, 'Each access token has a workspace of its own: its admins, people, conversations, journal and webhooks. A workspace never shows another\'s data.'),
    h('div', { class: 'table-scroll' }, h('table', { class: 'workspaces' },
      h('thead', {}, h('tr', {}, ['Token', 'Created', 'Conversations', 'People', 'Requests'].map(c => h('th', { scope: 'col' }, c)))), rows)),
    h('form', {
      class: 'row-form',
      onsubmit: (e: Event) => {
        e.preventDefault()
        call<WorkspaceListing>('POST', '/workspaces', { token: token.value }).then(w => { location.hash = `#/w/${w.key}/inbox` }, (error: Error) => notify(error.message, 'error'))
      }
    }, h('label', { for: 'open-token' }, 'Open a workspace by access token', token), h('button', { type: 'submit' }, 'Open')))
  shell('Workspaces', null, body, null)
  await load()
  poll = window.setInterval(() => { load().catch(() => {}) }, 3000)
}

async function showWorkspace (key: string, tab: Tab, id: string | null): Promise<void> {
  let overview = await get<Overview>(`/w/${key}`)
  const ctx: WorkspaceContext = {
    key,
    overview: () => overview,
    navigate: (hash) => { location.hash = hash },
    notify
  }
  const view = tab === 'inbox' ? inboxView(ctx, id) : tab === 'people' ? peopleView(ctx, id) : tab === 'journal' ? journalView(ctx, id)
    : tab === 'webhooks' ? webhooksView(ctx) : controlsView(ctx)
  const live = h('span', { class: 'live', id: 'live-state' }, 'connecting…')
  const nav = h('nav', { class: 'tabs', 'aria-label': 'Workspace views' },
    TABS.map(([name, label]) => h('a', { href: `#/w/${key}/${name}`, 'aria-current': name === tab ? 'page' : null }, label)))
  const title = h('span', {}, `${overview.app.name} · token ${overview.workspace.token_hint}… · clock ${overview.clock.mode}`)
  shell(title, nav, view.element, live)
  current = { view, overview }
  const update = async (): Promise<void> => {
    overview = await get<Overview>(`/w/${key}`)
    title.textContent = `${overview.app.name} · token ${overview.workspace.token_hint}… · clock ${overview.clock.mode}`
    await view.refresh()
  }
  await view.refresh()
  const url = stream?.key === key ? '' : await eventsUrl(key)
  openStream(key, url, live, () => {
    if (current?.view !== view || refreshQueued) return
    refreshQueued = true
    setTimeout(() => { refreshQueued = false; update().catch(reportFailure) }, 100)
  })
}

function openStream (key: string, url: string, indicator: HTMLElement, onChange: () => void): void {
  if (stream?.key !== key) {
    closeStream()
    const source = new EventSource(url)
    const opened = { key, source, onChange }
    stream = opened
    // After a restart EventSource reconnects by itself: catch up on what changed meanwhile.
    source.addEventListener('open', () => { opened.onChange() })
    source.addEventListener('change', () => { opened.onChange() })
  }
  const live = stream
  live.onChange = onChange
  const show = (): void => {
    const open = live.source.readyState === EventSource.OPEN
    indicator.textContent = open ? '● live' : 'reconnecting…'
    indicator.className = `live ${open ? 'on' : 'off'}`
  }
  show()
  live.source.onopen = show
  live.source.onerror = () => {
    show()
    // Refused (not merely unreachable: then it retries by itself), e.g. a restart with another admin
    // token: route again, which asks for the token or opens a new stream.
    if (live.source.readyState === EventSource.CLOSED) { closeStream(); setTimeout(() => { void route() }, 1000) }
  }
  live.source.onmessage = show
  live.source.addEventListener('ready', show)
}

function closeStream (): void {
  window.clearInterval(poll)
  stream?.source.close()
  stream = null
}

function reportFailure (error: unknown): void {
  if (error instanceof ApiError && error.status === 401) { showLogin(); return }
  notify(error instanceof Error ? error.message : String(error), 'error')
}

async function route (): Promise<void> {
  window.clearInterval(poll)
  const [, w, key, tab, ...rest] = location.hash.replace(/^#/, '').split('/')
  current = null
  notify('')
  try {
    if (w === 'w' && key !== undefined && key !== '') {
      const name = (TABS.some(([t]) => t === tab) ? tab : 'inbox') as Tab
      await showWorkspace(key, name, rest.length === 0 ? null : decodeURIComponent(rest.join('/')))
    } else {
      await showWorkspaces()
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && w === 'w') {
      closeStream()
      shell('Not found', null, h('section', { class: 'pane' }, h('h1', {}, 'No such workspace'), h('p', {}, 'It was dropped, or the server restarted with an empty database. '), h('a', { href: '#/' }, 'See every workspace')), null)
      return
    }
    reportFailure(error)
  }
}

window.addEventListener('hashchange', () => { void route() })
void route()
