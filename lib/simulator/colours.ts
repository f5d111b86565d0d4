/**
 * Names for colours, for the simulator's image descriptions: the nearest of a small palette,
 * measured in a "redmean"-weighted RGB distance (close to how people judge colour differences,
 * much cheaper than Lab).
 */

interface Named {
  en: string;
  zh: string;
  rgb: [number, number, number];
}

const palette: Named[] = [
  { en: 'black', zh: '黑色', rgb: [0, 0, 0] },
  { en: 'dark grey', zh: '深灰色', rgb: [64, 64, 64] },
  { en: 'grey', zh: '灰色', rgb: [128, 128, 128] },
  { en: 'light grey', zh: '浅灰色', rgb: [192, 192, 192] },
  { en: 'white', zh: '白色', rgb: [255, 255, 255] },
  { en: 'red', zh: '红色', rgb: [220, 30, 30] },
  { en: 'dark red', zh: '深红色', rgb: [128, 0, 0] },
  { en: 'orange', zh: '橙色', rgb: [255, 140, 0] },
  { en: 'brown', zh: '棕色', rgb: [140, 80, 30] },
  { en: 'yellow', zh: '黄色', rgb: [250, 220, 40] },
  { en: 'olive', zh: '橄榄色', rgb: [128, 128, 0] },
  { en: 'green', zh: '绿色', rgb: [40, 170, 60] },
  { en: 'dark green', zh: '深绿色', rgb: [0, 90, 30] },
  { en: 'teal', zh: '青绿色', rgb: [0, 128, 128] },
  { en: 'cyan', zh: '青色', rgb: [0, 220, 230] },
  { en: 'sky blue', zh: '天蓝色', rgb: [120, 190, 240] },
  { en: 'blue', zh: '蓝色', rgb: [30, 80, 220] },
  { en: 'navy', zh: '藏青色', rgb: [0, 0, 110] },
  { en: 'purple', zh: '紫色', rgb: [130, 50, 170] },
  { en: 'magenta', zh: '品红色', rgb: [230, 40, 200] },
  { en: 'pink', zh: '粉色', rgb: [250, 170, 200] },
  { en: 'beige', zh: '米色', rgb: [230, 215, 180] },
];

function distance(a: readonly number[], b: readonly number[]): number {
  const rMean = ((a[0] ?? 0) + (b[0] ?? 0)) / 2;
  const dr = (a[0] ?? 0) - (b[0] ?? 0);
  const dg = (a[1] ?? 0) - (b[1] ?? 0);
  const db = (a[2] ?? 0) - (b[2] ?? 0);
  return Math.sqrt((2 + rMean / 256) * dr * dr + 4 * dg * dg + (2 + (255 - rMean) / 256) * db * db);
}

export function colourName(rgb: readonly [number, number, number], language: 'en' | 'zh' = 'en'): string {
  let best = palette[0] as Named;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const entry of palette) {
    const d = distance(rgb, entry.rgb);
    if (d < bestDistance) {
      best = entry;
      bestDistance = d;
    }
  }
  return best[language];
}

export function toHex(rgb: readonly [number, number, number]): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

export interface DominantColour {
  rgb: [number, number, number];
  hex: string;
  /** share of the (opaque) pixels, 0–1 */
  share: number;
}

/**
 * The most common colours of RGBA pixels: each channel quantised to 4 levels (64 buckets), the
 * buckets ranked by count, each reported as the mean of its pixels. Mostly transparent pixels
 * (alpha < 128) do not count.
 */
export function dominantColours(rgba: Uint8Array, max = 3, minShare = 0.05): DominantColour[] {
  const buckets = new Map<number, { count: number; r: number; g: number; b: number }>();
  let total = 0;
  for (let i = 0; i + 3 < rgba.length; i += 4) {
    if ((rgba[i + 3] ?? 255) < 128) continue;
    const r = rgba[i] ?? 0;
    const g = rgba[i + 1] ?? 0;
    const b = rgba[i + 2] ?? 0;
    const key = ((r >> 6) << 4) | ((g >> 6) << 2) | (b >> 6);
    const bucket = buckets.get(key) ?? { count: 0, r: 0, g: 0, b: 0 };
    bucket.count++;
    bucket.r += r;
    bucket.g += g;
    bucket.b += b;
    buckets.set(key, bucket);
    total++;
  }
  return [...buckets.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, max)
    .filter((bucket) => bucket.count / total >= minShare)
    .map((bucket) => {
      const rgb: [number, number, number] = [
        Math.round(bucket.r / bucket.count),
        Math.round(bucket.g / bucket.count),
        Math.round(bucket.b / bucket.count),
      ];
      return { rgb, hex: toHex(rgb), share: bucket.count / total };
    });
}
