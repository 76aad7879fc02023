/**
 * Draws Footnote's icon (a page with a superscript marker) at 16, 32, 48 and 128 px into public/icons/.
 * Run once after changing the design: `npx tsx scripts/make-icons.ts`. No image library needed.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import path from 'node:path';
import { ROOT } from './lib/load-dataset';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Coverage of a pixel by a shape, 4x4 supersampled, for smooth edges. */
function cover(x: number, y: number, inside: (u: number, v: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) n++;
  return n / 16;
}

function icon(size: number): Buffer {
  const s = size;
  const r = s * 0.2;
  const rounded = (u: number, v: number) => {
    const cx = Math.min(Math.max(u, r), s - r);
    const cy = Math.min(Math.max(v, r), s - r);
    return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
  };
  // Three text lines, the last one short, and a superscript dot: a footnote.
  const lines = (u: number, v: number) =>
    [0.36, 0.53, 0.7].some((t, i) => v >= s * t && v <= s * (t + 0.08) && u >= s * 0.18 && u <= s * (i === 2 ? 0.55 : 0.68));
  const marker = (u: number, v: number) => (u - s * 0.76) ** 2 + (v - s * 0.27) ** 2 <= (s * 0.12) ** 2;
  const blue: [number, number, number] = [29, 78, 216];
  const amber: [number, number, number] = [250, 204, 21];
  return png(size, (x, y) => {
    const bg = cover(x, y, rounded);
    const ink = cover(x, y, lines);
    const dot = cover(x, y, marker);
    const mix = (a: number, b: number, t: number) => Math.round(a * (1 - t) + b * t);
    let rgb: [number, number, number] = blue.map((c) => mix(c, 255, ink)) as [number, number, number];
    rgb = rgb.map((c, i) => mix(c, amber[i]!, dot)) as [number, number, number];
    return [...rgb, Math.round(bg * 255)];
  });
}

const dir = path.join(ROOT, 'public', 'icons');
mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(path.join(dir, `icon-${size}.png`), icon(size));
console.log(`Wrote icons to ${path.relative(ROOT, dir)}`);
