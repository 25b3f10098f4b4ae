/**
 * Picks a place from the GB/T 2260 division data: type part of a name ("任城", "济宁") and
 * choose from the matches with the mouse or ↑ ↓ Enter. Used by the metadata panel and the
 * import preview.
 */
import { useEffect, useId, useState, type JSX } from 'react';
import type { RegionOption } from '../../../electron/core/api/schema.js';
import type { Region } from '../../../electron/core/model/types.js';
import { api } from '../api/client.js';

export function regionLabel(region: Region | null | undefined): string {
  return [region?.province, region?.city, region?.county].filter(Boolean).join(' ');
}

export function regionFromOption(option: RegionOption): Region {
  const parts = option.path.split(/\s+/);
  return { province: parts[0] ?? null, city: parts[1] ?? null, county: parts[2] ?? null, code: option.code };
}

export function RegionPicker({ value, onPick, label = '搜索地区', placeholder }: { value: Region | null | undefined; onPick: (region: Region) => void; label?: string; placeholder?: string }): JSX.Element {
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<RegionOption[]>([]);
  const [active, setActive] = useState(0);
  const listId = useId();
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setOptions([]);
      return;
    }
    const timer = setTimeout(() => {
      api('regions.search', { q: q.slice(0, 32), limit: 12 })
        .then((o) => {
          setOptions(o);
          setActive(0);
        })
        .catch(() => setOptions([]));
    }, 180);
    return () => clearTimeout(timer);
  }, [query]);
  const pick = (o: RegionOption) => {
    onPick(regionFromOption(o));
    setQuery('');
    setOptions([]);
  };
  return (
    <div className="region-picker">
      <input
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={placeholder ?? (regionLabel(value) || '未识别，输入地名')}
        aria-label={label}
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={options.length ? `${listId}-${active}` : undefined}
        onKeyDown={(e) => {
          if (!options.length) return;
          if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(options.length - 1, a + 1)); }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(0, a - 1)); }
          else if (e.key === 'Enter') { e.preventDefault(); pick(options[active]!); }
          else if (e.key === 'Escape') { e.preventDefault(); setOptions([]); }
        }}
      />
      {options.length > 0 && (
        <ul className="region-options" role="listbox" id={listId} aria-label="地区候选">
          {options.map((o, i) => (
            <li key={o.code} id={`${listId}-${i}`} role="option" aria-selected={i === active} className={i === active ? 'active' : ''} onMouseDown={(e) => { e.preventDefault(); pick(o); }}>
              {o.path}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
