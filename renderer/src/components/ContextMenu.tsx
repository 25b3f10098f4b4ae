/**
 * A context menu (right click, the menu key or Shift+F10): ARIA menu with arrow keys, Enter,
 * → into a submenu and ← or Esc back out; closes on a click elsewhere.
 */
import { useEffect, useRef, useState, type JSX, type KeyboardEvent as ReactKeyboardEvent } from 'react';

export interface MenuItem {
  label: string;
  run?: () => void;
  children?: MenuItem[];
  disabled?: boolean;
  danger?: boolean;
  shortcut?: string;
  hint?: string | undefined;
}

function MenuList({ items, label, onClose, onBack, autoFocus }: { items: MenuItem[]; label: string; onClose: () => void; onBack?: () => void; autoFocus: boolean }): JSX.Element {
  const ref = useRef<HTMLUListElement>(null);
  const [open, setOpen] = useState<number | null>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.querySelector<HTMLElement>('[role=menuitem]:not([aria-disabled=true])')?.focus();
  }, [autoFocus]);
  const onKey = (e: ReactKeyboardEvent) => {
    const all = Array.from(ref.current?.querySelectorAll<HTMLElement>(':scope > li > [role=menuitem]') ?? []);
    const i = all.indexOf(document.activeElement as HTMLElement);
    const stop = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    if (e.key === 'ArrowDown') { stop(); all[(i + 1) % all.length]?.focus(); }
    else if (e.key === 'ArrowUp') { stop(); all[(i - 1 + all.length) % all.length]?.focus(); }
    else if (e.key === 'Escape') { stop(); onClose(); }
    else if (e.key === 'ArrowLeft' && onBack) { stop(); onBack(); }
    else if (e.key === 'ArrowRight' && i >= 0 && items[i]?.children?.length) { stop(); setOpen(i); }
    else if (e.key === 'Tab') { stop(); onClose(); }
  };
  return (
    <ul ref={ref} role="menu" aria-label={label} className="context-menu-list" onKeyDown={onKey}>
      {items.map((item, i) => (
        <li key={item.label} role="none" className="context-menu-entry">
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            aria-disabled={item.disabled || undefined}
            aria-haspopup={item.children ? 'menu' : undefined}
            aria-expanded={item.children ? open === i : undefined}
            className={item.danger ? 'danger' : ''}
            title={item.hint}
            onClick={() => {
              if (item.disabled) return;
              if (item.children) return setOpen(open === i ? null : i);
              onClose();
              item.run?.();
            }}
          >
            <span>{item.label}</span>
            {item.shortcut && <span className="shortcut">{item.shortcut}</span>}
            {item.children && <span aria-hidden="true">▸</span>}
          </button>
          {open === i && item.children && (
            <MenuList
              items={item.children}
              label={item.label}
              onClose={onClose}
              onBack={() => {
                setOpen(null);
                ref.current?.querySelectorAll<HTMLElement>(':scope > li > [role=menuitem]')[i]?.focus();
              }}
              autoFocus
            />
          )}
        </li>
      ))}
    </ul>
  );
}

export function ContextMenu({ x, y, items, label, onClose }: { x: number; y: number; items: MenuItem[]; label: string; onClose: () => void }): JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const away = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [onClose]);
  const left = Math.min(x, window.innerWidth - 220);
  const top = Math.min(y, window.innerHeight - 40 * items.length - 20);
  return (
    <div ref={ref} className="context-menu" style={{ left, top }}>
      <MenuList items={items} label={label} onClose={onClose} autoFocus />
    </div>
  );
}
