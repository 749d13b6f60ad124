import type { AppliedTag, Tag } from '../../domain/types.js'

/** A 1.x tag, as `/tags` answers it and as people, companies and conversations list it. */
export interface TagV1 {
  type: 'tag'
  id: string
  name: string
}

export interface TagListV1 {
  type: 'tag.list'
  tags: TagV1[]
}

export function presentTagV1 (tag: Tag): TagV1 {
  return { type: 'tag', id: tag.id, name: tag.name }
}

export function presentTagListV1 (tags: Array<Tag | AppliedTag>): TagListV1 {
  return { type: 'tag.list', tags: tags.map(t => presentTagV1('tag' in t ? t.tag : t)) }
}
