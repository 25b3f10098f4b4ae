/**
 * The left sidebar: collection picker, filters, search and the case tree (category → city
 * → case, or city → category), with counts, drag and drop to reorder or re-file cases, and
 * a context menu (打开, 删除, 移动到…). The tree follows ARIA's tree pattern: one Tab stop,
 * arrow keys to move, → and ← to expand and collapse, Enter to open, Delete to delete.
 */
import { useEffect, useMemo, useRef, useState, type DragEvent as ReactDragEvent, type JSX, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { CollectionSummary, DocSummary, Filters, SearchHit, TreeGroup } from '../../../electron/core/api/schema.js';
import { api } from '../api/client.js';
import { quoted } from '../api/errors.js';
import { restoreDeleted, setStatus } from '../api/lifecycle.js';
import { loadUiState, saveUiState } from '../uiState.js';
import { LOCKED_STATUSES, STATUS_LABEL, STATUS_ORDER } from '../status.js';
import type { Notify, ReportError } from './App.js';
import { askConfirm } from './ConfirmDialog.js';
import { ContextMenu, type MenuItem } from './ContextMenu.js';
import { TrashDialog } from './TrashDialog.js';
import { resolveCityFilter } from './cityFilter.js';

export interface LibraryProps {
  collections: CollectionSummary[];
  collectionId: string | null;
  onCollection: (id: string | null) => void;
  selectedId: string | null;
  onOpen: (id: string) => void;
  /** A document was deleted or moved out of sight: the centre closes it if it is open. */
  onClosed: (id: string) => void;
  refreshKey: number;
  onChanged: () => void;
  onError: ReportError;
  notify: Notify;
}

/** One visible row of the tree, in order, for keyboard navigation. */
interface Row {
  key: string;
  parent: string | null;
  expandable: boolean;
  docId?: string;
}

const AUTOSCROLL_EDGE = 36;

export function Library(props: LibraryProps): JSX.Element {
  const { collectionId, refreshKey } = props;
  const saved = useRef(loadUiState()).current;
  const [groupBy, setGroupByState] = useState<'category' | 'city'>(saved.groupBy ?? 'category');
  const [filters, setFilters] = useState<Filters>({});
  const [effective, setEffective] = useState<Filters>({});
  const [cityNote, setCityNote] = useState<string | null>(null);
  const [tree, setTree] = useState<TreeGroup[] | null>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [collapsed, setCollapsed] = useState<Record<string, boolean>>(saved.collapsed ?? {});
  const [categories, setCategories] = useState<string[]>([]);
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropKey, setDropKey] = useState<string | null>(null);
  const [newTitle, setNewTitle] = useState<string | null>(null);
  // The roving Tab stop is moved in the DOM, not through state: a re-render between mousedown and
  // the first mousemove would cancel a drag.
  const focusKey = useRef<string | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number; doc: DocSummary } | null>(null);
  /** Cases picked with Ctrl+click (or Space) for an action on several at once. */
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [trashOpen, setTrashOpen] = useState(false);
  const treeRef = useRef<HTMLDivElement>(null);
  const hitsRef = useRef<HTMLUListElement>(null);

  const setGroupBy = (g: 'category' | 'city') => {
    setGroupByState(g);
    saveUiState({ groupBy: g });
  };
  const toggle = (key: string, open?: boolean) =>
    setCollapsed((c) => {
      const next = { ...c, [key]: open === undefined ? !c[key] : !open };
      if (!next[key]) delete next[key];
      saveUiState({ collapsed: next });
      return next;
    });

  const createCollection = async () => {
    const title = newTitle?.trim();
    if (!title) return;
    try {
      const yearMatch = /(19|20)\d{2}/.exec(title);
      const created = await api('collections.create', { title, ...(yearMatch ? { year: Number(yearMatch[0]) } : {}) });
      setNewTitle(null);
      props.onChanged();
      props.onCollection(created.id);
    } catch (e) {
      props.onError(e, { action: '新建汇编', subject: quoted(title) });
    }
  };

  // A city typed in part ("济宁") is matched to the division it names ("济宁市").
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void resolveCityFilter(filters.city).then((city) => {
        if (!live) return;
        const next = { ...filters } as Filters;
        if (city.value) next.city = city.value;
        else delete next.city;
        setCityNote(city.note);
        setEffective(next);
      });
    }, filters.city ? 250 : 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [JSON.stringify(filters)]);

  useEffect(() => {
    let live = true;
    api('library.tree', { collectionId: collectionId ?? undefined, groupBy, filters: effective })
      .then((t) => live && setTree(t))
      .catch((e: unknown) => props.onError(e, { action: '读取案例列表', subject: '案例库' }));
    api('categories.list', {}).then((c) => live && setCategories(c)).catch(() => undefined);
    api('documents.counts', { collectionId: collectionId ?? undefined, filters: effective })
      .then((c) => live && setCounts(c.byStatus))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [collectionId, groupBy, JSON.stringify(effective), refreshKey]);

  // A selection does not outlive the documents it names.
  useEffect(() => setPicked((p) => (p.size ? new Set([...p].filter((id) => allDocsRef.current.some((d) => d.id === id))) : p)), [tree]);

  const runSearch = async () => {
    const q = query.trim();
    if (!q) {
      setHits(null);
      return;
    }
    try {
      setHits(await api('search.query', { q, collectionId: collectionId ?? undefined, limit: 50 }));
    } catch (e) {
      props.onError(e, { action: '全文搜索', subject: `搜索词“${q}”` });
    }
  };

  const allDocs = useMemo(() => (tree ?? []).flatMap((g) => g.children.flatMap((c) => c.items)), [tree]);
  const allDocsRef = useRef(allDocs);
  allDocsRef.current = allDocs;
  /** What an action on `doc` applies to: the picked cases when `doc` is one of them, else `doc`. */
  const targetsOf = (doc: DocSummary): DocSummary[] => (picked.has(doc.id) ? allDocs.filter((d) => picked.has(d.id)) : [doc]);
  const names = (docs: DocSummary[]) => (docs.length === 1 ? quoted(docs[0]!.title) : `${quoted(docs[0]!.title)}等 ${docs.length} 篇`);
  const docById = (id: string | null) => allDocs.find((d) => d.id === id);

  /** Where a document sits now, so that a move can be undone. */
  const placeOf = (id: string): { category: string | null; beforeId: string | null; collectionId: string | null } | null => {
    for (const g of tree ?? [])
      for (const c of g.children) {
        const i = c.items.findIndex((d) => d.id === id);
        if (i >= 0) {
          const doc = c.items[i]!;
          const next = c.items.slice(i + 1).find((d) => d.category === doc.category);
          return { category: doc.category, beforeId: next?.id ?? null, collectionId: doc.collectionId };
        }
      }
    return null;
  };

  const move = async (id: string, target: { category?: string; beforeId?: string | null; collectionId?: string }, label?: string) => {
    const doc = docById(id);
    const from = placeOf(id);
    try {
      await api('documents.move', { id, ...(target.collectionId ? {} : { collectionId: collectionId ?? undefined }), ...target });
      props.onChanged();
      if (!doc || !from) return;
      const where = label ?? (target.category ? `“${target.category}”` : '新的位置');
      props.notify(`已把${quoted(doc.title)}移到${where}。`, {
        label: '撤销',
        run: async () => {
          try {
            await api('documents.move', {
              id,
              ...(from.collectionId ? { collectionId: from.collectionId } : {}),
              ...(from.category ? { category: from.category } : {}),
              beforeId: from.beforeId,
            });
            props.onChanged();
            props.notify(`已撤销移动：${quoted(doc.title)}回到原处。`);
          } catch (e) {
            props.onError(e, { action: '撤销移动', subject: quoted(doc.title) });
          }
        },
      });
    } catch (e) {
      props.onError(e, { action: '移动', subject: quoted(doc?.title) });
    }
  };

  const remove = async (doc: DocSummary) => {
    const docs = targetsOf(doc);
    const comments = docs.reduce((n, d) => n + d.openComments, 0);
    const ok = await askConfirm({
      title: `删除${names(docs)}？`,
      body: (
        <>
          {docs.length > 1 && (
            <ul className="confirm-list">
              {docs.map((d) => <li key={d.id}>{d.title}</li>)}
            </ul>
          )}
          <p>
            将删除{docs.length > 1 ? '这些文档' : `这篇${doc.kind === 'notice' ? '通知' : '案例'}`}的正文、元数据{comments ? `和 ${comments} 条未解决批注` : '和批注'}，移到回收站。删除后可以立即撤销。
          </p>
        </>
      ),
      confirmLabel: '删除',
      danger: true,
    });
    if (!ok) return;
    const ids = docs.map((d) => d.id);
    try {
      if (ids.length === 1) await api('documents.delete', { id: ids[0]! });
      else await api('documents.deleteMany', { ids });
      ids.forEach(props.onClosed);
      setPicked(new Set());
      props.onChanged();
      props.notify(`已删除${names(docs)}。`, {
        label: '撤销',
        run: async () => {
          try {
            await restoreDeleted(ids);
            props.onChanged();
            props.notify(`已恢复${names(docs)}。`);
          } catch (e) {
            props.onError(e, { action: '撤销删除', subject: names(docs) });
          }
        },
      });
    } catch (e) {
      props.onError(e, { action: '删除', subject: names(docs) });
    }
  };

  const merge = async (source: DocSummary, target: DocSummary) => {
    let append = false;
    const ok = await askConfirm({
      title: `把${quoted(source.title)}合并到${quoted(target.title)}？`,
      body: (
        <>
          <p>两篇是同一个案例时使用：{quoted(source.title)}的批注和版本记录移到{quoted(target.title)}，目标缺少的字段由它补上，它本身移到回收站。</p>
          <label className="check">
            <input type="checkbox" onChange={(e) => (append = e.target.checked)} /> 把它的正文接在目标正文后面
          </label>
        </>
      ),
      confirmLabel: '合并',
    });
    if (!ok) return;
    try {
      await api('documents.merge', { targetId: target.id, sourceId: source.id, append });
      props.onClosed(source.id);
      props.onChanged();
      props.notify(`已把${quoted(source.title)}合并到${quoted(target.title)}。`, { label: '打开', run: () => props.onOpen(target.id) });
    } catch (e) {
      props.onError(e, { action: '合并', subject: quoted(source.title) });
    }
  };

  const moveTo = async (doc: DocSummary, collection: CollectionSummary) => {
    const docs = targetsOf(doc);
    const from = docs.map((d) => ({ id: d.id, collectionId: d.collectionId, category: d.category }));
    try {
      await api('documents.moveMany', { ids: docs.map((d) => d.id), collectionId: collection.id });
      docs.forEach((d) => props.onClosed(d.id));
      setPicked(new Set());
      props.onChanged();
      props.notify(`已把${names(docs)}移到汇编${quoted(collection.title)}。`, {
        label: '撤销',
        run: async () => {
          try {
            for (const f of from) if (f.collectionId) await api('documents.move', { id: f.id, collectionId: f.collectionId, ...(f.category ? { category: f.category } : {}), beforeId: null });
            props.onChanged();
            props.notify(`已撤销移动：${names(docs)}回到原汇编。`);
          } catch (e) {
            props.onError(e, { action: '撤销移动', subject: names(docs) });
          }
        },
      });
    } catch (e) {
      props.onError(e, { action: '移动', subject: names(docs) });
    }
  };

  const removeCollection = async () => {
    const c = props.collections.find((x) => x.id === collectionId);
    if (!c) return;
    const ok = await askConfirm({
      title: `删除汇编${quoted(c.title)}？`,
      body: <p>将删除这份汇编及其中的 {c.caseCount} 篇案例{c.noticeCount ? `和 ${c.noticeCount} 份通知` : ''}，移到回收站。删除后可以立即撤销。</p>,
      confirmLabel: '删除汇编',
      danger: true,
    });
    if (!ok) return;
    try {
      await api('collections.delete', { id: c.id });
      props.onCollection(null);
      props.onChanged();
      props.notify(`已删除汇编${quoted(c.title)}。`, {
        label: '撤销',
        run: async () => {
          try {
            await api('collections.restoreDeleted', { id: c.id });
            props.onChanged();
            props.onCollection(c.id);
          } catch (e) {
            props.onError(e, { action: '撤销删除', subject: `汇编${quoted(c.title)}` });
          }
        },
      });
    } catch (e) {
      props.onError(e, { action: '删除汇编', subject: quoted(c.title) });
    }
  };

  const setFilter = (key: keyof Filters, value: string) => {
    setFilters((f) => {
      const next = { ...f } as Record<string, unknown>;
      if (!value) delete next[key];
      else next[key] = key === 'year' ? Number(value) : value;
      return next as Filters;
    });
  };

  /** The category a drop on a group means: the group itself when grouped by category, else the sub-group. */
  const categoryOf = (group: TreeGroup, child?: { key: string; label: string }) =>
    group.key === 'notice' ? undefined : groupBy === 'category' ? group.label : child?.label;
  const kindOf = (id: string | null) => docById(id)?.kind;

  /** Empty groups are drop targets among documents, noise in an empty or filtered list. */
  const hideEmpty = Object.keys(filters).length > 0 || allDocs.length === 0;

  // The rows the keyboard walks, in screen order.
  const rows = useMemo(() => {
    const out: Row[] = [];
    for (const g of tree ?? []) {
      if (hideEmpty && g.count === 0) continue;
      const gk = `g:${g.key}`;
      out.push({ key: gk, parent: null, expandable: true });
      if (collapsed[gk]) continue;
      for (const c of g.children) {
        const sk = `s:${g.key}/${c.key}`;
        out.push({ key: sk, parent: gk, expandable: true });
        if (collapsed[sk]) continue;
        for (const d of c.items) out.push({ key: `d:${d.id}`, parent: sk, expandable: false, docId: d.id });
      }
    }
    return out;
  }, [tree, collapsed, hideEmpty]);

  // The one Tab stop: the focused row, else the open document, else the first row.
  const tabKey = rows.some((r) => r.key === `d:${props.selectedId}`) ? `d:${props.selectedId}` : (rows[0]?.key ?? null);
  const setFocusKey = (key: string) => {
    focusKey.current = key;
    treeRef.current?.querySelectorAll<HTMLElement>('[data-key]').forEach((el) => (el.tabIndex = el.dataset.key === key ? 0 : -1));
  };

  const focusRow = (key: string | null | undefined) => {
    if (!key) return;
    const find = () => treeRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
    // At once when the row is there (the next key press must start from it); after the render when it was just expanded.
    const el = find();
    if (el) el.focus();
    else requestAnimationFrame(() => find()?.focus());
  };

  const onTreeKey = (e: ReactKeyboardEvent) => {
    const key = (e.target as HTMLElement).closest<HTMLElement>('[data-key]')?.dataset.key;
    if (!key) return;
    const i = rows.findIndex((r) => r.key === key);
    const row = rows[i];
    if (!row) return;
    const doc = row.docId ? docById(row.docId) : undefined;
    const handled = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    switch (e.key) {
      case 'ArrowDown':
        handled();
        focusRow(rows[Math.min(rows.length - 1, i + 1)]?.key);
        break;
      case 'ArrowUp':
        handled();
        focusRow(rows[Math.max(0, i - 1)]?.key);
        break;
      case 'Home':
        handled();
        focusRow(rows[0]?.key);
        break;
      case 'End':
        handled();
        focusRow(rows[rows.length - 1]?.key);
        break;
      case 'ArrowRight':
        handled();
        if (row.expandable && collapsed[row.key]) toggle(row.key, true);
        else if (row.expandable) focusRow(rows[i + 1]?.parent === row.key ? rows[i + 1]!.key : undefined);
        break;
      case 'ArrowLeft':
        handled();
        if (row.expandable && !collapsed[row.key]) toggle(row.key, false);
        else focusRow(row.parent);
        break;
      case 'Enter':
        handled();
        if (row.docId) props.onOpen(row.docId);
        else toggle(row.key);
        break;
      case ' ':
        handled();
        if (row.docId) togglePick(row.docId);
        else toggle(row.key);
        break;
      case 'Delete':
        if (doc) {
          handled();
          void remove(doc);
        }
        break;
      case 'ContextMenu':
      case 'F10':
        if (doc && (e.key === 'ContextMenu' || e.shiftKey)) {
          handled();
          const r = (e.target as HTMLElement).getBoundingClientRect();
          setMenu({ x: r.left + 24, y: r.bottom, doc });
        }
        break;
    }
  };

  const menuItems = (doc: DocSummary): MenuItem[] => {
    const docs = targetsOf(doc);
    const others = props.collections.filter((c) => docs.some((d) => d.collectionId !== c.id));
    // Merge candidates: cases of the same collection, those of the same category first.
    const mergeWith = allDocs
      .filter((d) => d.kind === 'case' && d.id !== doc.id && d.collectionId === doc.collectionId)
      .sort((a, b) => Number(b.category === doc.category) - Number(a.category === doc.category))
      .slice(0, 20);
    const cases = docs.filter((d) => d.kind === 'case');
    return [
      ...(docs.length === 1 ? [{ label: '打开', run: () => props.onOpen(doc.id) }] : []),
      {
        label: docs.length > 1 ? `移动 ${docs.length} 篇到…` : '移动到…',
        disabled: others.length === 0,
        hint: others.length === 0 ? '还没有其他汇编' : undefined,
        children: others.map((c) => ({ label: c.title, run: () => void moveTo(doc, c) })),
      },
      ...(cases.length
        ? [
            {
              label: docs.length > 1 ? `把 ${cases.length} 篇设为…` : '设为…',
              children: STATUS_ORDER.filter((st) => cases.some((d) => d.status !== st)).map((st) => ({ label: STATUS_LABEL[st], run: () => void changeStatus(cases, st) })),
            },
          ]
        : []),
      ...(docs.length === 1 && doc.kind === 'case' ? [{ label: '合并到…', disabled: mergeWith.length === 0, children: mergeWith.map((t) => ({ label: t.title, run: () => void merge(doc, t) })) }] : []),
      { label: docs.length > 1 ? `删除 ${docs.length} 篇` : '删除', danger: true, shortcut: 'Delete', run: () => void remove(doc) },
    ];
  };

  const changeStatus = async (docs: DocSummary[], status: (typeof STATUS_ORDER)[number]) => {
    let reason: string | undefined;
    const reopening = docs.filter((d) => LOCKED_STATUSES.has(d.status) && !LOCKED_STATUSES.has(status));
    if (reopening.length) {
      const given = await askConfirm({
        title: `重新打开${names(reopening)}？`,
        body: <p>已定稿或已报送的案例重新打开后可以再修改，状态改为“{STATUS_LABEL[status]}”。原因会记入修改记录。</p>,
        confirmLabel: '重新打开',
        input: { label: '重新打开的原因', placeholder: '如：地市补充了数据', required: true },
      });
      if (given === false) return;
      reason = given;
    }
    try {
      await setStatus(docs.map((d) => d.id), status, reason);
      setPicked(new Set());
      props.onChanged();
      props.notify(`${names(docs)}已设为${STATUS_LABEL[status]}。`);
    } catch (e) {
      props.onError(e, { action: `设为${STATUS_LABEL[status]}`, subject: names(docs) });
    }
  };

  const item = (doc: DocSummary, category: string | undefined, parent: string) => {
    const key = `d:${doc.id}`;
    return (
      <li
        key={doc.id}
        role="treeitem"
        aria-selected={picked.size ? picked.has(doc.id) : doc.id === props.selectedId}
        aria-level={3}
        tabIndex={tabKey === key ? 0 : -1}
        data-key={key}
        data-parent={parent}
        className={`tree-item ${doc.id === props.selectedId ? 'selected' : ''} ${picked.has(doc.id) ? 'picked' : ''} ${dropKey === `before:${doc.id}` ? 'drop-before' : ''}`}
        draggable
        data-doc-id={doc.id}
        onFocus={() => setFocusKey(key)}
        onDragStart={(e) => {
          setDragId(doc.id);
          e.dataTransfer.setData('text/x-huibian-doc', doc.id);
          e.dataTransfer.effectAllowed = 'move';
        }}
        onDragEnd={() => {
          setDragId(null);
          setDropKey(null);
        }}
        onDragOver={(e) => {
          if (!dragId || dragId === doc.id || kindOf(dragId) !== doc.kind) return;
          e.preventDefault();
          e.stopPropagation();
          autoscroll(e);
          setDropKey(`before:${doc.id}`);
        }}
        onDrop={(e) => {
          e.preventDefault();
          e.stopPropagation();
          const id = e.dataTransfer.getData('text/x-huibian-doc') || dragId;
          setDropKey(null);
          if (id && id !== doc.id) void move(id, { beforeId: doc.id, ...(category ? { category } : {}) }, category ? `“${category}”` : undefined);
        }}
        onClick={(e) => {
          if (e.ctrlKey || e.metaKey) return togglePick(doc.id);
          props.onOpen(doc.id);
        }}
        onContextMenu={(e) => {
          e.preventDefault();
          setMenu({ x: e.clientX, y: e.clientY, doc });
        }}
        title={doc.title}
      >
        <span className="kind-icon" aria-hidden="true">{doc.kind === 'notice' ? '文' : '案'}</span>
        <span className="tree-title">{doc.title}</span>
        {doc.openComments > 0 && <span className="badge" title="未解决批注" aria-label={`${doc.openComments} 条未解决批注`}>{doc.openComments}</span>}
        {doc.kind === 'case' && doc.status !== 'draft' && <span className={`status status-${doc.status}`}>{STATUS_LABEL[doc.status] ?? doc.status}</span>}
      </li>
    );
  };

  const togglePick = (id: string) =>
    setPicked((p) => {
      const next = new Set(p);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  /** While dragging near the tree's top or bottom edge, the tree scrolls. */
  const autoscroll = (e: ReactDragEvent) => {
    const el = treeRef.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    if (e.clientY < r.top + AUTOSCROLL_EDGE) el.scrollTop -= Math.ceil((r.top + AUTOSCROLL_EDGE - e.clientY) / 3);
    else if (e.clientY > r.bottom - AUTOSCROLL_EDGE) el.scrollTop += Math.ceil((e.clientY - (r.bottom - AUTOSCROLL_EDGE)) / 3);
  };

  const dropZone = (key: string, category: string | undefined) => ({
    onDragOver: (e: ReactDragEvent) => {
      if (dragId) autoscroll(e);
      // Notices have no category: they are not filed by dragging.
      if (!dragId || !category || kindOf(dragId) === 'notice') return;
      e.preventDefault();
      setDropKey(key);
    },
    onDragLeave: () => setDropKey((k) => (k === key ? null : k)),
    onDrop: (e: ReactDragEvent) => {
      e.preventDefault();
      const id = e.dataTransfer.getData('text/x-huibian-doc') || dragId;
      setDropKey(null);
      if (id && category) void move(id, { category, beforeId: null }, `“${category}”`);
    },
  });

  const years = Array.from({ length: 12 }, (_, i) => new Date().getFullYear() - i);
  const filterCount = Object.keys(filters).length;
  const statusCounts = counts;

  const onHitsKey = (e: ReactKeyboardEvent) => {
    const items = Array.from(hitsRef.current?.querySelectorAll<HTMLElement>('[role=option]') ?? []);
    const i = items.indexOf(document.activeElement as HTMLElement);
    const go = (j: number) => {
      e.preventDefault();
      items.forEach((el, k) => (el.tabIndex = k === j ? 0 : -1));
      items[j]?.focus();
    };
    if (e.key === 'ArrowDown') go(Math.min(items.length - 1, i + 1));
    else if (e.key === 'ArrowUp') go(Math.max(0, i - 1));
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(items.length - 1);
    else if (e.key === 'Enter' && i >= 0) {
      e.preventDefault();
      items[i]!.click();
    }
  };

  return (
    <aside className="sidebar" aria-label="案例库">
      <div className="sidebar-section collection-picker">
        <div className="row nowrap">
          <select aria-label="汇编" value={collectionId ?? ''} onChange={(e) => props.onCollection(e.target.value || null)}>
            <option value="">全部文档</option>
            {props.collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}（{c.caseCount}）
              </option>
            ))}
          </select>
          {collectionId && <button type="button" title="删除这份汇编（可撤销）" aria-label="删除汇编" onClick={() => void removeCollection()}><svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true"><path d="M6 2h4l1 1h3v1.5H2V3h3zM3.5 6h9l-.8 8.2a1 1 0 0 1-1 .8H5.3a1 1 0 0 1-1-.8z" fill="currentColor" /></svg></button>}
          <button type="button" title="新建汇编" aria-label="新建汇编" onClick={() => setNewTitle(newTitle === null ? `${new Date().getFullYear()}年民政工作创新案例汇编` : null)}>＋</button>
        </div>
        {newTitle !== null && (
          <form className="row nowrap new-collection" onSubmit={(e) => { e.preventDefault(); void createCollection(); }}>
            <input autoFocus value={newTitle} onChange={(e) => setNewTitle(e.target.value)} aria-label="新汇编名称" />
            <button type="submit" className="primary">创建</button>
          </form>
        )}
      </div>
      <form className="sidebar-section search" role="search" onSubmit={(e) => { e.preventDefault(); void runSearch(); }}>
        <input type="search" value={query} onChange={(e) => { setQuery(e.target.value); if (!e.target.value) setHits(null); }} onKeyDown={(e) => { if (e.key === 'ArrowDown' && hits?.length) { e.preventDefault(); hitsRef.current?.querySelector<HTMLElement>('[role=option]')?.focus(); } }} placeholder="全文搜索（Ctrl+Shift+F）" aria-label="全文搜索" />
        <button type="submit">搜索</button>
      </form>
      <details className="sidebar-section filters">
        <summary>筛选{filterCount ? `（${filterCount}）` : ''}</summary>
        <label>类型<select value={filters.kind ?? ''} onChange={(e) => setFilter('kind', e.target.value)}><option value="">全部</option><option value="case">案例</option><option value="notice">通知</option></select></label>
        <label>业务领域<select value={filters.category ?? ''} onChange={(e) => setFilter('category', e.target.value)}><option value="">全部</option>{categories.map((c) => <option key={c}>{c}</option>)}</select></label>
        <label>地市<input value={filters.city ?? ''} onChange={(e) => setFilter('city', e.target.value)} placeholder="如 济宁" /></label>
        {cityNote && <p className="filter-note" role="status">{cityNote}</p>}
        <label>奖项<input value={filters.award ?? ''} onChange={(e) => setFilter('award', e.target.value)} /></label>
        <label>状态<select value={filters.status ?? ''} onChange={(e) => setFilter('status', e.target.value)}><option value="">全部</option>{STATUS_ORDER.map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}{filters.status ? '' : `（${statusCounts[s] ?? 0}）`}</option>)}</select></label>
        <label>年度<select value={filters.year ?? ''} onChange={(e) => setFilter('year', e.target.value)}><option value="">全部</option>{years.map((y) => <option key={y} value={y}>{y}</option>)}</select></label>
        <label>发文机关<input value={filters.organ ?? ''} onChange={(e) => setFilter('organ', e.target.value)} /></label>
        {filterCount > 0 && <button type="button" className="link" onClick={() => setFilters({})}>清除筛选</button>}
      </details>
      <div className="sidebar-section status-counts" aria-label="按状态统计">
        {STATUS_ORDER.map((s) => (
          <button key={s} type="button" className={`status-chip status-${s}`} aria-pressed={filters.status === s} onClick={() => setFilter('status', filters.status === s ? '' : s)} title={`只看${STATUS_LABEL[s]}`}>
            {STATUS_LABEL[s]} <span className="count">{filters.status && filters.status !== s ? '–' : (statusCounts[s] ?? 0)}</span>
          </button>
        ))}
      </div>
      <div className="sidebar-section group-toggle" role="group" aria-label="分组方式">
        <button type="button" aria-pressed={groupBy === 'category'} onClick={() => setGroupBy('category')}>按领域</button>
        <button type="button" aria-pressed={groupBy === 'city'} onClick={() => setGroupBy('city')}>按地市</button>
      </div>
      {picked.size > 0 && !hits && (
        <div className="sidebar-section pick-bar" role="toolbar" aria-label="所选文档的操作">
          <span>已选 {picked.size} 篇</span>
          <button type="button" onClick={(e) => { const first = allDocs.find((d) => picked.has(d.id)); if (first) { const r = e.currentTarget.getBoundingClientRect(); setMenu({ x: r.left, y: r.bottom, doc: first }); } }}>操作…</button>
          <button type="button" className="danger" onClick={() => { const first = allDocs.find((d) => picked.has(d.id)); if (first) void remove(first); }}>删除</button>
          <button type="button" onClick={() => setPicked(new Set())}>取消选择</button>
        </div>
      )}
      {hits ? (
        <div className="search-hits">
          <div className="hits-head" role="status">找到 {hits.length} 条 <button type="button" onClick={() => { setHits(null); setQuery(''); }}>清除</button></div>
          <ul ref={hitsRef} role="listbox" aria-label="搜索结果" onKeyDown={onHitsKey}>
            {hits.map((h, i) => (
              <li key={h.id} role="option" aria-selected={h.id === props.selectedId} tabIndex={i === 0 ? 0 : -1} onClick={() => props.onOpen(h.id)} className="hit">
                <div className="hit-title">{h.title}</div>
                {/* The server escapes everything but its own <mark> tags. */}
                <div className="hit-snippet" dangerouslySetInnerHTML={{ __html: h.snippet }} />
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="tree" ref={treeRef} onDragOver={(e) => dragId && autoscroll(e)}>
          {tree && allDocs.length === 0 && (filterCount > 0 ? <p className="empty">没有符合筛选条件的文档。<button type="button" className="link" onClick={() => setFilters({})}>清除筛选</button></p> : <p className="empty">还没有文档。点击“导入”或把文件拖到窗口中。</p>)}
          <ul role="tree" aria-label="案例树" aria-multiselectable="true" onKeyDown={onTreeKey}>
            {(tree ?? []).filter((g) => !(hideEmpty && g.count === 0)).map((group) => {
              const gk = `g:${group.key}`;
              return (
                <li key={group.key} role="none" className={`tree-group ${dropKey === `group:${group.key}` ? 'drop-target' : ''}`} data-group={group.label} {...dropZone(`group:${group.key}`, categoryOf(group))}>
                  <div className="group-head" role="treeitem" aria-expanded={!collapsed[gk]} aria-level={1} tabIndex={tabKey === gk ? 0 : -1} data-key={gk} onFocus={() => setFocusKey(gk)} onClick={() => toggle(gk)}>
                    <span className="caret" aria-hidden="true">{collapsed[gk] ? '▸' : '▾'}</span> <span className="group-label">{group.label}</span> <span className="count">{group.count}</span>
                  </div>
                  {!collapsed[gk] && (
                    <ul role="group">
                      {group.children.map((child) => {
                        const sk = `s:${group.key}/${child.key}`;
                        return (
                          <li key={child.key} role="none" className={`tree-sub ${dropKey === `sub:${group.key}/${child.key}` ? 'drop-target' : ''}`} data-subgroup={child.label} {...dropZone(`sub:${group.key}/${child.key}`, categoryOf(group, child))}>
                            <div className="sub-head" role="treeitem" aria-expanded={!collapsed[sk]} aria-level={2} tabIndex={tabKey === sk ? 0 : -1} data-key={sk} onFocus={() => setFocusKey(sk)} onClick={() => toggle(sk)}>
                              <span className="caret" aria-hidden="true">{collapsed[sk] ? '▸' : '▾'}</span> {child.label} <span className="count">{child.count}</span>
                            </div>
                            {!collapsed[sk] && <ul role="group">{child.items.map((doc) => item(doc, categoryOf(group, child), sk))}</ul>}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <div className="sidebar-foot">
        <button type="button" onClick={() => setTrashOpen(true)}>回收站</button>
      </div>
      {trashOpen && <TrashDialog onClose={() => setTrashOpen(false)} onChanged={props.onChanged} onError={props.onError} notify={props.notify} />}
      {menu && <ContextMenu x={menu.x} y={menu.y} label={`${menu.doc.title} 的操作`} items={menuItems(menu.doc)} onClose={() => { setMenu(null); focusRow(`d:${menu.doc.id}`); }} />}
    </aside>
  );
}
