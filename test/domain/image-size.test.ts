import t from 'tap'
import { imageSize } from '../../src/domain/image-size.js'

t.test('headers too short, malformed or of other formats have no size', async t => {
  t.equal(imageSize(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), null, 'a PNG signature without IHDR')
  t.equal(imageSize(Buffer.from('GIF89a')), null, 'a GIF signature alone')
  t.equal(imageSize(Buffer.from([0xff, 0xd8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00])), null, 'a JPEG whose segments are garbage')
  t.equal(imageSize(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00])), null, 'a JPEG without a frame')
  t.equal(imageSize(Buffer.from('%PDF-1.4')), null)
  t.equal(imageSize(Buffer.alloc(0)), null)
})

t.test('a JPEG whose frame follows DHT and fill bytes', async t => {
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xc4, 0x00, 0x03, 0x00, 0xff, 0xff, 0xc2, 0x00, 0x0b, 0x08, 0x01, 0x00, 0x02, 0x00, 0x03, 0x01, 0x22, 0x00])
  t.strictSame(imageSize(jpeg), { width: 512, height: 256 })
})
