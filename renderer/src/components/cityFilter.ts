/**
 * The 地市 filter as typed ("济宁", "济宁市", "Jining" no): a partial name is matched to the
 * prefecture-level division it names through the GB/T 2260 data (regions.search), so that
 * 济宁 finds the cases filed under 济宁市.
 */
import { api } from '../api/client.js';

const FULL_NAME = /(市|州|盟|地区)$/u;

export async function resolveCityFilter(typed: string | undefined): Promise<{ value: string | undefined; note: string | null }> {
  const value = typed?.trim();
  if (!value) return { value: undefined, note: null };
  if (FULL_NAME.test(value)) return { value, note: null };
  try {
    const options = await api('regions.search', { q: value, limit: 20 });
    const cities = options.filter((o) => o.level === 'city');
    const city = cities.find((o) => o.name.startsWith(value)) ?? cities.find((o) => o.name.includes(value));
    if (city) return { value: city.name, note: `按“${city.name}”筛选` };
  } catch {
    /* the division data is unavailable: filter by the text as typed */
  }
  return { value, note: null };
}
