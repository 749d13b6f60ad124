import type { Segment } from '../domain/types.js'

/** A segment, the same in both majors; `count` only when asked for (`include_count=true`). */
export interface SegmentWire {
  type: 'segment'
  id: string
  name: string
  created_at: number
  updated_at: number
  person_type: Segment['personType']
  count?: number
}

export function presentSegment (s: Segment): SegmentWire {
  const wire: SegmentWire = { type: 'segment', id: s.id, name: s.name, created_at: s.createdAt, updated_at: s.updatedAt, person_type: s.personType }
  if (s.count !== null) wire.count = s.count
  return wire
}

/** `GET /segments`: `segment.list` in both majors. */
export function presentSegmentList (segments: Segment[]): { type: 'segment.list', segments: SegmentWire[] } {
  return { type: 'segment.list', segments: segments.map(presentSegment) }
}

/** 2.x `GET /contacts/{id}/segments` (`contact_segments`) and `GET /companies/{id}/segments`. */
export function presentContactSegmentsV2 (segments: Segment[]): { type: 'list', data: SegmentWire[] } {
  return { type: 'list', data: segments.map(presentSegment) }
}
