import t from 'tap'
import { presentMessageV2 } from '../../../src/presenters/v2/message.js'
import { adminEmailMessage, adminInAppMessage, atLeast, T0, userMessage, V2_LABELS, version } from './fixtures/objects.js'
import { assertSpec } from './fixtures/assert-spec.js'

const WASH_OWNER = { type: 'admin', id: '394051', name: 'Wash', email: 'wash@serenity.io', away_mode_enabled: false, away_mode_reassign: false }
const ZOE_OWNER = { type: 'admin', id: '394052', name: 'Zoe', email: 'zoe@serenity.io', away_mode_enabled: true, away_mode_reassign: true }

t.test('a user message has conversation_id from 2.6, and a subject only where 2.11 requires one', async t => {
  for (const label of V2_LABELS) {
    t.strictSame(presentMessageV2(userMessage, version(label)), {
      type: 'user_message',
      id: '2001',
      created_at: T0,
      body: 'Hey',
      message_type: 'inapp',
      ...(label === '2.11' ? { subject: '' } : {}),
      ...(atLeast(label, 6) ? { conversation_id: '1000000001' } : {})
    }, label)
  }
})

t.test('an admin message carries its subject and its owner', async t => {
  for (const label of V2_LABELS) {
    const conversationId = atLeast(label, 6) ? { conversation_id: '1000000004' } : {}
    t.strictSame(presentMessageV2(adminInAppMessage, version(label)), {
      type: 'admin_message', id: '2004', created_at: T0 + 60, subject: '', body: '<p>Welcome aboard</p>', message_type: 'inapp', owner: WASH_OWNER, ...conversationId
    }, `${label} in-app`)
  }
  t.strictSame(presentMessageV2(adminEmailMessage, version('2.16')), {
    type: 'admin_message',
    id: '2002',
    created_at: T0 + 3600,
    subject: 'About the Academy',
    body: '<p>Hi River,</p><p>We need to talk.</p>',
    message_type: 'email',
    owner: ZOE_OWNER,
    conversation_id: '1000000002'
  }, 'email')
})

t.test('messages match POST /messages, and a user message POST /conversations, in every version', async t => {
  for (const label of V2_LABELS) {
    const v = version(label)
    for (const m of [userMessage, adminInAppMessage, adminEmailMessage]) assertSpec(t, label, 'POST', '/messages', presentMessageV2(m, v))
    // 2.0–2.5 have no description of their own: the 2.7 one stands in, and its POST /conversations
    // requires conversation_id, which the 2.0 docs' response did not have yet (intercom-api.md §1.3).
    // Not a known deviation: those are per spec file, and one would hide the error for 2.6 and 2.7 too.
    const expected = atLeast(label, 6) ? [] : ['POST /conversations 200: / must have required property \'conversation_id\'']
    assertSpec(t, label, 'POST', '/conversations', presentMessageV2(userMessage, v), expected)
  }
})
