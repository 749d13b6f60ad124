import { call, get } from './api.js'
import { badge, h, pretty, timeElement } from './dom.js'
import { table } from './people.js'
import type { View, WorkspaceContext } from './types.js'

interface Webhook { id: string, url: string, topics: string[], state: string, api_version: string, origin: string }
interface Delivery {
  notification_id: string, topic: string, status: string, delivery_attempts: number, created_at: number, delivered_at: number | null,
  next_attempt_at: number | null, failure: string | null,
  attempts: Array<{ attempt: number, sent_at: number, outcome: string, response: { status?: number, body?: string } | null, error: string | null }>
}
interface FaultRule { id: string, [field: string]: unknown }
interface RateLimit { enabled: boolean, limit: number | null, window_seconds: number | null, remaining: number | null, reset_at: number | null, overridden: boolean }

const control = (ctx: WorkspaceContext, path: string) => `/w/${ctx.key}/control/${path}`

/** Webhook subscriptions and their delivery log, every attempt shown. */
export function webhooksView (ctx: WorkspaceContext): View {
  const body = h('div', {})
  const element = h('section', { class: 'pane wide-pane', 'aria-labelledby': 'webhooks-title' }, h('h2', { id: 'webhooks-title' }, 'Webhooks'), body)

  async function refresh (): Promise<void> {
    const { data } = await get<{ data: Webhook[] }>(control(ctx, 'webhooks'))
    if (data.length === 0) { body.replaceChildren(h('p', { class: 'muted' }, 'No webhook subscriptions. Add one with POST /__mock/webhooks or in the fixtures.')); return }
    const sections = await Promise.all(data.map(async (webhook) => {
      const deliveries = (await get<{ data: Delivery[] }>(control(ctx, `webhooks/${webhook.id}/deliveries?limit=50`))).data
      return h('article', { class: 'card' },
        h('h3', {}, webhook.url, ' ', badge(webhook.state, webhook.state === 'active' ? 'open' : 'closed')),
        h('p', { class: 'muted' }, `${webhook.id} · ${webhook.origin} · version ${webhook.api_version} · topics: ${webhook.topics.join(', ')}`),
        deliveries.length === 0 ? h('p', { class: 'muted' }, 'No deliveries yet.')
          : h('div', { class: 'table-scroll' }, h('table', { class: 'deliveries' },
            h('thead', {}, h('tr', {}, ['Created', 'Topic', 'Status', 'Attempts'].map(c => h('th', { scope: 'col' }, c)))),
            h('tbody', {}, deliveries.map(deliveryRow)))))
    }))
    body.replaceChildren(...sections)
  }
  return { element, refresh }
}

function deliveryRow (d: Delivery): HTMLElement {
  const kind = d.status === 'sent' ? 'open' : d.status === 'failed' ? 'closed' : 'snoozed'
  const attempts = d.attempts.length === 0
    ? (d.next_attempt_at === null ? '—' : h('span', {}, 'next ', timeElement(d.next_attempt_at)))
    : h('ol', { class: 'attempts' }, d.attempts.map(a => h('li', {},
      `#${a.attempt} `, timeElement(a.sent_at), ` ${a.outcome}`,
      a.response?.status === undefined ? '' : ` · HTTP ${a.response.status}`,
      a.error === null ? '' : ` · ${a.error}`)))
  return h('tr', { class: d.status === 'failed' ? 'failed' : '' },
    h('td', {}, timeElement(d.created_at)),
    h('td', {}, d.topic),
    h('td', {}, badge(d.status, kind), d.failure === null ? null : h('span', { class: 'muted block' }, d.failure)),
    h('td', {}, attempts))
}

/** Fault rules (add, remove), the workspace clock (freeze, advance, real), the rate limit, and reset. */
export function controlsView (ctx: WorkspaceContext): View {
  const faults = h('div', {})
  const clock = h('div', {})
  const rateLimit = h('div', {})
  const attempt = async (run: () => Promise<unknown>, done: string): Promise<void> => {
    try { await run(); ctx.notify(done, 'ok'); await refresh() } catch (error) { ctx.notify((error as Error).message, 'error') }
  }

  const ruleText = h('textarea', { id: 'fault-rule', rows: 6, spellcheck: 'false' })
  ruleText.value = JSON.stringify({ match: { method: 'POST', path: '/conversations/*/reply' }, respond: { status: 503 }, times: 1 }, null, 2)
  const addFault = h('form', {
    class: 'stack',
    onsubmit: (e: Event) => {
      e.preventDefault()
      let rule: unknown
      try { rule = JSON.parse(ruleText.value) } catch { ctx.notify('The fault rule is not valid JSON', 'error'); return }
      void attempt(() => call('POST', control(ctx, 'faults'), rule), 'Fault rule added')
    }
  }, h('label', { for: 'fault-rule' }, 'New fault rule (JSON, as POST /__mock/faults takes)', ruleText), h('button', { type: 'submit' }, 'Add fault rule'))

  const advanceBy = h('input', { id: 'clock-advance', type: 'number', min: 1, value: 3600 })
  const clockForm = h('form', { class: 'row-form', onsubmit: (e: Event) => { e.preventDefault(); void attempt(() => call('PUT', control(ctx, 'clock'), { advance: Number(advanceBy.value) }), 'Clock advanced') } },
    h('label', { for: 'clock-advance' }, 'Advance by (seconds)', advanceBy),
    h('button', { type: 'submit' }, 'Advance'),
    h('button', { type: 'button', onclick: () => { void attempt(() => call('PUT', control(ctx, 'clock'), { frozen_at: ctx.overview().clock.now }), 'Clock frozen') } }, 'Freeze now'),
    h('button', { type: 'button', onclick: () => { void attempt(() => call('PUT', control(ctx, 'clock'), { real: true }), 'Clock follows real time') } }, 'Real time'))

  const confirmBox = h('div', { class: 'confirm', hidden: true, role: 'alertdialog', 'aria-labelledby': 'reset-question' },
    h('p', { id: 'reset-question' }, 'Reset this workspace to its fixtures? Every conversation, person, request and webhook it has now goes.'),
    h('button', { type: 'button', id: 'reset-confirm', class: 'danger', onclick: () => { confirmBox.hidden = true; void attempt(() => call('POST', control(ctx, 'reset')), 'Workspace reset') } }, 'Yes, reset'),
    h('button', { type: 'button', onclick: () => { confirmBox.hidden = true } }, 'Cancel'))

  const element = h('div', { class: 'controls' },
    h('section', { class: 'pane', 'aria-labelledby': 'clock-title' }, h('h2', { id: 'clock-title' }, 'Clock'), clock, clockForm),
    h('section', { class: 'pane', 'aria-labelledby': 'faults-title' }, h('h2', { id: 'faults-title' }, 'Fault rules'), faults, addFault),
    h('section', { class: 'pane', 'aria-labelledby': 'rate-title' }, h('h2', { id: 'rate-title' }, 'Rate limit'), rateLimit),
    h('section', { class: 'pane', 'aria-labelledby': 'reset-title' }, h('h2', { id: 'reset-title' }, 'Reset'),
      h('button', { type: 'button', id: 'reset-workspace', class: 'danger', onclick: () => { confirmBox.hidden = false; (confirmBox.querySelector('#reset-confirm') as HTMLElement).focus() } }, 'Reset workspace…'),
      confirmBox))

  async function refresh (): Promise<void> {
    const [clockState, rules, limit] = await Promise.all([
      get<{ now: number, mode: string }>(control(ctx, 'clock')),
      get<{ data: FaultRule[] }>(control(ctx, 'faults')).catch(() => ({ data: [] })),
      get<RateLimit>(control(ctx, 'rate-limit')).catch(() => null)
    ])
    clock.replaceChildren(table([['Now', timeElement(clockState.now)], ['Mode', clockState.mode]]))
    faults.replaceChildren(rules.data.length === 0 ? h('p', { class: 'muted' }, 'No fault rules: the API answers normally.')
      : h('ul', { class: 'rules' }, rules.data.map(rule => h('li', {},
        h('pre', { class: 'code' }, pretty(rule)),
        h('button', { type: 'button', 'aria-label': `Remove fault rule ${rule.id}`, onclick: () => { void attempt(() => call('DELETE', control(ctx, `faults/${rule.id}`)), 'Fault rule removed') } }, 'Remove')))))
    rateLimit.replaceChildren(limit === null ? h('p', { class: 'muted' }, 'Unavailable')
      : !limit.enabled ? h('p', { class: 'muted' }, 'No rate limit.')
        : table([['Limit', `${limit.limit ?? '—'} per ${limit.window_seconds ?? '—'} s`], ['Remaining', String(limit.remaining ?? '—')], ['Window ends', timeElement(limit.reset_at)], ['Set by', limit.overridden ? 'control plane' : 'fixtures / server']]))
  }
  return { element, refresh }
}
