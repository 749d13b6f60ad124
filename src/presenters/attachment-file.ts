const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', pdf: 'application/pdf', txt: 'text/plain'
}

/**
 * What the mock can tell of an attachment from its URL alone: its file name and, by extension, its
 * content type. Intercom stores the files it fetched; the mock does not fetch them.
 */
export function attachmentFile (url: string): { name: string, contentType: string } {
  const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || 'attachment'
  const extension = name.includes('.') ? name.split('.').pop()?.toLowerCase() ?? '' : ''
  return { name, contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream' }
}
