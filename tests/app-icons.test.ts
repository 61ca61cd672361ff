import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 16: public/ holds the favicon, the app icons and a web manifest, so tabs are
// recognisable and the console installs (linked from app/layout.tsx's metadata).
const publicDir = path.resolve('public');
const file = (name: string) => fs.readFileSync(path.join(publicDir, name));
const pngSize = (png: Buffer) => `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;

describe('issue 16: the app installs with its icons', () => {
  const manifest = JSON.parse(file('manifest.webmanifest').toString('utf8'));

  it('the manifest names the app, starts in the console and has theme colours', () => {
    expect(manifest).toMatchObject({ name: expect.any(String), short_name: 'Stratus', start_url: '/console', display: 'standalone' });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('every icon it lists exists, PNGs at the size stated, including 192, 512 and a maskable one', () => {
    for (const icon of manifest.icons as { src: string; sizes: string; type: string; purpose: string }[]) {
      const bytes = file(icon.src.replace(/^\//, ''));
      if (icon.type === 'image/png') {
        expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect(pngSize(bytes)).toBe(icon.sizes);
      } else expect(bytes.toString('utf8')).toMatch(/^<svg /);
    }
    const pngs = manifest.icons.filter((i: { type: string }) => i.type === 'image/png').map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`);
    expect(pngs).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  });

  it('the favicon is an icon file with 16 and 32 pixel images, and the Apple touch icon is 180 pixels', () => {
    const ico = file('favicon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 2]);
    expect([ico[6], ico[22]]).toEqual([16, 32]);
    expect(pngSize(file('apple-touch-icon.png'))).toBe('180x180');
  });
});
