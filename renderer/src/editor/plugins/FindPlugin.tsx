/**
 * 查找 (Ctrl+F) in the open document: a bar above the page; every match is highlighted with
 * the CSS Custom Highlight API (the editor's state is not touched), Enter and Shift+Enter go
 * to the next and previous match, Esc closes the bar and leaves the current match selected.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCallback, useEffect, useRef, useState, type JSX } from 'react';

type Highlights = { set(name: string, value: unknown): void; delete(name: string): void };
const highlights = (): Highlights | undefined => (globalThis.CSS as unknown as { highlights?: Highlights } | undefined)?.highlights;
const HighlightCtor = (globalThis as unknown as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;

function findRanges(root: HTMLElement, needle: string): Range[] {
  if (!needle) return [];
  const out: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const lower = needle.toLowerCase();
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    const hay = node.data.toLowerCase();
    for (let at = hay.indexOf(lower); at >= 0; at = hay.indexOf(lower, at + lower.length)) {
      const r = document.createRange();
      r.setStart(node, at);
      r.setEnd(node, at + needle.length);
      out.push(r);
    }
  }
  return out;
}

export function FindPlugin(): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [ranges, setRanges] = useState<Range[]>([]);
  const [current, setCurrent] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  /** Bumped by every Ctrl+F: the field is focused once the bar has rendered. */
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (!asked) return;
    input.current?.focus();
    input.current?.select();
  }, [asked]);

  useEffect(() => {
    const onFind = () => {
      // Start from the selected text, as Word does.
      const selected = window.getSelection()?.toString().trim();
      if (selected && selected.length <= 50 && !selected.includes('\n')) setQuery(selected);
      setOpen(true);
      setAsked((n) => n + 1);
    };
    window.addEventListener('huibian:find', onFind);
    return () => window.removeEventListener('huibian:find', onFind);
  }, []);

  const search = useCallback(() => {
    const root = editor.getRootElement();
    if (!open || !root) return;
    const found = findRanges(root, query);
    setRanges(found);
    setCurrent((c) => (c < found.length ? c : 0));
  }, [editor, open, query]);

  useEffect(() => {
    search();
    return editor.registerUpdateListener(() => search());
  }, [search, editor]);

  useEffect(() => {
    const h = highlights();
    if (!h || !HighlightCtor) return;
    if (!open || !ranges.length) {
      h.delete('hb-find');
      h.delete('hb-find-current');
      return;
    }
    h.set('hb-find', new HighlightCtor(...ranges));
    h.set('hb-find-current', new HighlightCtor(ranges[current]!));
    const el = ranges[current]!.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center' });
    return () => {
      h.delete('hb-find');
      h.delete('hb-find-current');
    };
  }, [open, ranges, current]);

  const close = () => {
    const r = ranges[current];
    setOpen(false);
    const root = editor.getRootElement();
    if (root) {
      root.focus();
      if (r) {
        const sel = window.getSelection();
        sel?.removeAllRanges();
        sel?.addRange(r);
      }
    }
  };

  if (!open) return null;
  const step = (d: number) => ranges.length && setCurrent((c) => (c + d + ranges.length) % ranges.length);
  return (
    <div className="find-bar" role="search" aria-label="在文档中查找">
      <input
        ref={input}
        type="text"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setCurrent(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
        placeholder="查找文字"
        aria-label="查找文字"
      />
      <span className="find-count" role="status">{query ? (ranges.length ? `第 ${current + 1} / ${ranges.length} 处` : '没有找到') : ''}</span>
      <button type="button" onClick={() => step(-1)} disabled={!ranges.length} aria-label="上一处">↑</button>
      <button type="button" onClick={() => step(1)} disabled={!ranges.length} aria-label="下一处">↓</button>
      <button type="button" onClick={close} aria-label="关闭查找">×</button>
    </div>
  );
}
