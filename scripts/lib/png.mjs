// A tiny PNG encoder (RGBA, 8 bits, no filter) and the Declutter icon drawn per pixel, so the
// build needs no image tools and the icons need not be committed as binaries.
import { deflateSync } from 'node:zlib';
import { crc32 } from './crc32.mjs';

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** `rgba(x, y) -> [r, g, b, a]` → PNG bytes. */
export function encodePng(width, height, rgba) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set(rgba(x, y), row + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The icon: a blue rounded square with a page of text lines, the last one short. Drawn with
 * 4x4 supersampling so small sizes stay smooth. */
export function icon(size) {
  const BLUE = [31, 95, 139];
  const S = 4;
  const r = size * 0.2; // corner radius
  const inRoundRect = (x, y) => {
    const cx = Math.min(Math.max(x, r), size - r);
    const cy = Math.min(Math.max(y, r), size - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const lines = [0.28, 0.44, 0.60, 0.76]; // vertical centres, as a fraction of size
  const inLine = (x, y) => lines.some((ly, i) => {
    const h = Math.max(size * 0.045, 0.75);
    const x1 = size * (i === lines.length - 1 ? 0.55 : 0.78);
    return Math.abs(y - ly * size) <= h && x >= size * 0.22 && x <= x1;
  });
  return encodePng(size, size, (x, y) => {
    let bg = 0, fg = 0;
    for (let i = 0; i < S; i++) for (let j = 0; j < S; j++) {
      const px = x + (i + 0.5) / S, py = y + (j + 0.5) / S;
      if (inRoundRect(px, py)) { bg++; if (inLine(px, py)) fg++; }
    }
    const a = bg / (S * S), w = bg ? fg / bg : 0;
    const mix = (c) => Math.round(c * (1 - w) + 255 * w);
    return [mix(BLUE[0]), mix(BLUE[1]), mix(BLUE[2]), Math.round(a * 255)];
  });
}
