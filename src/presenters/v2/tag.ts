import type { AppliedTag, Tag } from '../../domain/types.js'

/** `tag_basic`: a tag as `/tags` answers it. */
export interface TagV2 {
  type: 'tag'
  id: string
  name: string
}

/** `tag`: a tag on a contact or conversation, with when and by whom it was applied. */
export interface AppliedTagV2 extends TagV2 {
  applied_at: number | null
  applied_by: { type: 'admin', id: string } | null
}

/** `tag_list`. */
export interface TagListV2<T extends TagV2 = TagV2> {
  type: 'list'
  data: T[]
}

export function presentTagV2 (tag: Tag): TagV2 {
  return { type: 'tag', id: tag.id, name: tag.name }
}

export function presentAppliedTagV2 (applied: AppliedTag): AppliedTagV2 {
  return {
    ...presentTagV2(applied.tag),
    applied_at: applied.appliedAt,
    applied_by: applied.appliedBy === null ? null : { type: 'admin', id: applied.appliedBy }
  }
}

export function presentTagListV2 (tags: Tag[]): TagListV2 {
  return { type: 'list', data: tags.map(presentTagV2) }
}

export function presentAppliedTagListV2 (tags: AppliedTag[]): TagListV2<AppliedTagV2> {
  return { type: 'list', data: tags.map(presentAppliedTagV2) }
}
