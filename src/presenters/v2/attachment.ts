import { attachmentFile } from '../attachment-file.js'

/**
 * `part_attachment`. Intercom stores the files it fetched; the mock only knows the URL, so the size
 * is 0 (as in 1.x) and the pixel dimensions, which every description calls "if applicable" and
 * types as non-nullable integers, are left out (2.11 alone requires them: see KNOWN_DEVIATIONS).
 */
export interface AttachmentV2 {
  type: 'upload'
  name: string
  url: string
  content_type: string
  filesize: number
}

export function presentAttachmentV2 (url: string): AttachmentV2 {
  const { name, contentType } = attachmentFile(url)
  return { type: 'upload', name, url, content_type: contentType, filesize: 0 }
}
