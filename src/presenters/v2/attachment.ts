import type { Attachment } from '../../domain/types.js'

/**
 * `part_attachment`. Every description types `filesize`, `width` and `height` as non-nullable
 * integers: a URL the mock did not fetch has `filesize` 0 (as 1.x showed it) and no dimensions
 * (2.11 alone requires them: see KNOWN_DEVIATIONS); a file sent inline has its real size, and an
 * image its pixel dimensions.
 */
export interface AttachmentV2 {
  type: 'upload'
  name: string
  url: string
  content_type: string
  filesize: number
  width?: number
  height?: number
}

export function presentAttachmentV2 (attachment: Attachment): AttachmentV2 {
  const wire: AttachmentV2 = { type: 'upload', name: attachment.name, url: attachment.url, content_type: attachment.contentType, filesize: attachment.filesize ?? 0 }
  if (attachment.width !== null && attachment.height !== null) {
    wire.width = attachment.width
    wire.height = attachment.height
  }
  return wire
}
