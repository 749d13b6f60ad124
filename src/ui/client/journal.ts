import { get } from './api.js'
import { curlCommand } from './curl.js'
import { h, pretty, replaceKeepingFocus, timeElement } from './dom.js'
import { selectField } from './inbox.js'
import { table } from './people.js'
import type { JournalEntry, View, WorkspaceContext } from './types.js'

const filter = { method: '', path: '', status: '' }

/** The request journal, newest first: filters, failed requests marked, and a request opened whole with "copy as curl". */
export function journalView (ctx: WorkspaceContext, requestId: string | null): View {
  const rows = h('tbody', {})
  const count = h('p', { class: 'muted', role: 'status' })
  const detail = h('section', { class: 'pane detail-pane', 'aria-labelledby': 'request-title' })
  const input = (id: string, label: string, key: 'path' | 'status', placeholder: string) =>
    h('label', { for: id }, label, h('input', { id, type: 'text', value: filter[key], placeholder }))
  const applyFilters = (form: HTMLFormElement): void => {
    const value = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement | HTMLSelectElement).value.trim()
    filter.method = value('journal-method')
    filter.path = value('journal-path')
    filter.status = value('journal-status')
    void refresh()
  }
  const element = h('div', { class: `split journal${requestId === null ? '' : ' has-detail'}` },
    h('section', { class: 'pane list-pane', 'aria-labelledby': 'journal-title' },
      h('h2', { id: 'journal-title' }, 'Request journal'),
      h('form', {
        class: 'filters',
        // Every field is read on any change or submit, so a cleared text box counts as soon as another filter moves.
        onchange: (e: Event) => { applyFilters(e.currentTarget as HTMLFormElement) },
        onsubmit: (e: Event) => { e.preventDefault(); applyFilters(e.currentTarget as HTMLFormElement) }
      },
        selectField('journal-method', 'Method', [['', 'Any'], ['GET', 'GET'], ['POST', 'POST'], ['PUT', 'PUT'], ['DELETE', 'DELETE']], filter.method, () => {}),
        input('journal-path', 'Path', 'path', '/conversations/**'),
        input('journal-status', 'Status', 'status', '4xx'),
        h('button', { type: 'submit' }, 'Filter')),
      count,
      h('div', { class: 'table-scroll' },
        h('table', { class: 'requests' },
          h('thead', {}, h('tr', {}, ['Time', 'Method', 'Path', 'Status', 'Version', 'ms'].map(c => h('th', { scope: 'col' }, c)))),
          rows))),
    requestId === null ? h('section', { class: 'pane detail-pane empty' }, h('p', { class: 'muted' }, 'Select a request to see it whole.')) : detail)

  async function refresh (): Promise<void> {
    const query = new URLSearchParams({ limit: '200' })
    if (filter.method !== '') query.set('method', filter.method)
    if (filter.path !== '') query.set('path', filter.path)
    if (filter.status !== '') query.set('status', filter.status)
    let data: JournalEntry[]
    try {
      data = (await get<{ data: JournalEntry[] }>(`/w/${ctx.key}/control/requests?${query.toString()}`)).data
    } catch (error) {
      count.textContent = (error as Error).message
      return
    }
    count.textContent = `${data.length} request${data.length === 1 ? '' : 's'}${data.length === 200 ? ' (the newest 200)' : ''}`
    const open = (id: string) => { ctx.navigate(`#/w/${ctx.key}/journal/${encodeURIComponent(id)}`) }
    replaceKeepingFocus(rows, 'data-request-id', data.map(entry => h('tr', {
      class: `${entry.response.status >= 400 ? 'failed' : ''}${entry.id === requestId ? ' selected' : ''}`,
      tabindex: 0,
      'data-request-id': entry.id,
      'aria-selected': entry.id === requestId ? 'true' : null,
      onclick: () => open(entry.id),
      onkeydown: (e: Event) => { if ((e as KeyboardEvent).key === 'Enter' || (e as KeyboardEvent).key === ' ') { e.preventDefault(); open(entry.id) } }
    },
    h('td', {}, timeElement(entry.time, ctx.overview().clock.now)),
    h('td', {}, entry.method),
    h('td', { class: 'path' }, h('a', { href: `#/w/${ctx.key}/journal/${encodeURIComponent(entry.id)}` }, entry.path)),
    h('td', {}, h('span', { class: `status s${String(entry.response.status)[0] ?? ''}` }, String(entry.response.status))),
    h('td', {}, entry.api_version ?? '—'),
    h('td', {}, String(entry.duration_ms)))))
    if (requestId !== null) {
      const entry = data.find(e => e.id === requestId) ?? (await get<{ data: JournalEntry[] }>(`/w/${ctx.key}/control/requests?limit=1000`)).data.find(e => e.id === requestId)
      renderEntry(entry ?? null)
    }
  }

  function renderEntry (entry: JournalEntry | null): void {
    if (entry === null) { detail.replaceChildren(h('h2', { id: 'request-title' }, 'Not in the journal'), h('p', {}, 'This request is no longer in the journal.')); return }
    const curl = curlCommand(entry, location.origin)
    const copied = h('span', { role: 'status', class: 'muted' })
    detail.replaceChildren(
      h('a', { class: 'back', href: `#/w/${ctx.key}/journal` }, '← All requests'),
      h('h2', { id: 'request-title' }, `${entry.method} ${entry.path}`),
      table([['Request id', entry.id], ['Time', timeElement(entry.time)], ['Status', String(entry.response.status)], ['API version', entry.api_version ?? '—'], ['Duration', `${entry.duration_ms} ms`],
        ...(entry.fault === undefined ? [] : [['Fault', pretty(entry.fault)] as [string, string]])]),
      h('h3', {}, 'Request headers'),
      table(Object.entries(entry.request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v])),
      h('h3', {}, 'Request body', entry.request.body_truncated ? ' (truncated)' : ''),
      h('pre', { class: 'code request-body' }, entry.request.body === null ? '(none)' : pretty(entry.request.body)),
      h('h3', {}, `Response ${entry.response.status}`, entry.response.body_truncated ? ' (truncated)' : ''),
      h('pre', { class: 'code response-body', tabindex: 0 }, entry.response.body === null ? '(none)' : pretty(entry.response.body)),
      h('h3', {}, 'As curl'),
      h('pre', { class: 'code curl' }, curl),
      h('button', {
        type: 'button',
        onclick: () => {
          navigator.clipboard.writeText(curl).then(() => { copied.textContent = ' Copied.' }, () => { copied.textContent = ' Copy failed: select the text above.' })
        }
      }, 'Copy as curl'), copied)
  }

  return { element, refresh }
}
