/** Decodes a QR code SVG the way a phone camera would read a printout: rasterise (sharp), then decode (jsQR). */
import sharp from 'sharp';
import jsQR from 'jsqr';

export async function decodeQrSvg(svg: string): Promise<string | null> {
  const { data, info } = await sharp(Buffer.from(svg), { density: 600 })
    .flatten({ background: '#ffffff' })
    .resize({ width: 400, kernel: 'nearest' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const result = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height);
  return result?.data ?? null;
}
