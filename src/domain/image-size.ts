/**
 * The pixel size of a PNG, GIF or JPEG from its header, or null for anything else (or a header too
 * short or malformed to read). Only the few bytes each format keeps its size in are read.
 */
export function imageSize (data: Buffer): { width: number, height: number } | null {
  if (isPng(data)) return data.length >= 24 ? { width: data.readUInt32BE(16), height: data.readUInt32BE(20) } : null
  if (isGif(data)) return data.length >= 10 ? { width: data.readUInt16LE(6), height: data.readUInt16LE(8) } : null
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) return jpegSize(data)
  return null
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function isPng (data: Buffer): boolean {
  return data.length >= 8 && data.subarray(0, 8).equals(PNG_SIGNATURE)
}

function isGif (data: Buffer): boolean {
  const magic = data.subarray(0, 6).toString('latin1')
  return magic === 'GIF87a' || magic === 'GIF89a'
}

/** Walks the JPEG's segments to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC), which holds the size. */
function jpegSize (data: Buffer): { width: number, height: number } | null {
  let offset = 2
  while (offset + 9 <= data.length) {
    if (data[offset] !== 0xff) return null
    const marker = data[offset + 1] as number
    if (marker === 0xff) { offset += 1; continue }
    const length = data.readUInt16BE(offset + 2)
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
    if (isStartOfFrame) return { height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) }
    offset += 2 + length
  }
  return null
}
