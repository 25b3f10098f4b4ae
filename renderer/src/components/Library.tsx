/**
 * The left sidebar: collection picker, filters, search and the case tree (category → city
 * → case, or city → category), with counts and drag and drop to reorder or re-file cases.
 */
import { useEffect, useState, type DragEvent as ReactDragEvent, type JSX } from 'react';
import type { CollectionSummary, DocSummary, Filters, SearchHit, TreeGroup } from '../../../electron/core/api/schema.js';
import { api } from '../api/client.js';

export interface LibraryProps {
  collections: CollectionSummary[];
  collectionId: string | null;
  onCollection: (id: string | null) => void;
  selectedId: string | null;
  onOpen: (id: string) => void;
  refreshKey: number;
  onChanged: () => void;
  onError: (message: string) => void;
}

const STATUS_LABEL: Record<string, string> = { draft: '草稿', review: '审核中', final: '定稿' };

export function Library(props: LibraryProps): JSX.Element {
  const { collectionId, refreshKey } = props;
  const [groupBy, setGroupBy] = useState<'category' | 'city'>('category');
  const [filters, setFilters] = useState<Filters>({});
  const [tree, setTree] = useState<TreeGroup[]>([]);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [collapsed, setCollapsed] = useState<Record<string, boolean>>({});
  const [categories, setCategories] = useState<string[]>([]);
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropKey, setDropKey] = useState<string | null>(null);
  const [newTitle, setNewTitle] = useState<string | null>(null);

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
      props.onError((e as Error).message);
    }
  };

  useEffect(() => {
    let live = true;
    api('library.tree', { collectionId: collectionId ?? undefined, groupBy, filters })
      .then((t) => live && setTree(t))
      .catch((e: Error) => props.onError(e.message));
    api('categories.list', {}).then((c) => live && setCategories(c)).catch(() => undefined);
    return () => {
      live = false;
    };

  }, [collectionId, groupBy, JSON.stringify(filters), refreshKey]);

  const runSearch = async () => {
    if (!query.trim()) {
      setHits(null);
      return;
    }
    try {
      setHits(await api('search.query', { q: query.trim(), collectionId: collectionId ?? undefined, limit: 50 }));
    } catch (e) {
      props.onError((e as Error).message);
    }
  };

  const move = async (id: string, target: { category?: string; beforeId?: string | null }) => {
    try {
      await api('documents.move', { id, collectionId: collectionId ?? undefined, ...target });
      props.onChanged();
    } catch (e) {
      props.onError((e as Error).message);
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
  const kindOf = (id: string | null) => tree.flatMap((g) => g.children.flatMap((c) => c.items)).find((d) => d.id === id)?.kind;

  const item = (doc: DocSummary, category: string | undefined) => (
    <li
      key={doc.id}
      className={`tree-item ${doc.id === props.selectedId ? 'selected' : ''} ${dropKey === `before:${doc.id}` ? 'drop-before' : ''}`}
      draggable
      data-doc-id={doc.id}
      onDragStart={(e) => {
        setDragId(doc.id);
        e.dataTransfer.setData('text/x-huibian-doc', doc.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragEnd={() => { setDragId(null); setDropKey(null); }}
      onDragOver={(e) => {
        if (!dragId || dragId === doc.id || kindOf(dragId) !== doc.kind) return;
        e.preventDefault();
        e.stopPropagation();
        setDropKey(`before:${doc.id}`);
      }}
      onDrop={(e) => {
        e.preventDefault();
        e.stopPropagation();
        const id = e.dataTransfer.getData('text/x-huibian-doc') || dragId;
        setDropKey(null);
        if (id && id !== doc.id) void move(id, { beforeId: doc.id, ...(category ? { category } : {}) });
      }}
      onClick={() => props.onOpen(doc.id)}
      title={doc.title}
    >
      <span className="kind-icon">{doc.kind === 'notice' ? '文' : '案'}</span>
      <span className="tree-title">{doc.title}</span>
      {doc.openComments > 0 && <span className="badge" title="未解决批注">{doc.openComments}</span>}
      {doc.status !== 'draft' && <span className="status">{STATUS_LABEL[doc.status]}</span>}
    </li>
  );

  const dropZone = (key: string, category: string | undefined) => ({
    onDragOver: (e: ReactDragEvent) => {
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
      if (id && category) void move(id, { category, beforeId: null });
    },
  });

  const years = Array.from({ length: 12 }, (_, i) => new Date().getFullYear() - i);

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
          <button type="button" title="新建汇编" aria-label="新建汇编" onClick={() => setNewTitle(newTitle === null ? `${new Date().getFullYear()}年民政工作创新案例汇编` : null)}>＋</button>
        </div>
        {newTitle !== null && (
          <form className="row nowrap new-collection" onSubmit={(e) => { e.preventDefault(); void createCollection(); }}>
            <input autoFocus value={newTitle} onChange={(e) => setNewTitle(e.target.value)} aria-label="新汇编名称" />
            <button type="submit" className="primary">创建</button>
          </form>
        )}
      </div>
      <form className="sidebar-section search" onSubmit={(e) => { e.preventDefault(); void runSearch(); }}>
        <input type="search" value={query} onChange={(e) => { setQuery(e.target.value); if (!e.target.value) setHits(null); }} placeholder="全文搜索" aria-label="全文搜索" />
        <button type="submit">搜索</button>
      </form>
      <details className="sidebar-section filters">
        <summary>筛选{Object.keys(filters).length ? `（${Object.keys(filters).length}）` : ''}</summary>
        <label>类型<select value={filters.kind ?? ''} onChange={(e) => setFilter('kind', e.target.value)}><option value="">全部</option><option value="case">案例</option><option value="notice">通知</option></select></label>
        <label>业务领域<select value={filters.category ?? ''} onChange={(e) => setFilter('category', e.target.value)}><option value="">全部</option>{categories.map((c) => <option key={c}>{c}</option>)}</select></label>
        <label>地市<input value={filters.city ?? ''} onChange={(e) => setFilter('city', e.target.value)} placeholder="如 济宁市" /></label>
        <label>奖项<input value={filters.award ?? ''} onChange={(e) => setFilter('award', e.target.value)} /></label>
        <label>状态<select value={filters.status ?? ''} onChange={(e) => setFilter('status', e.target.value)}><option value="">全部</option><option value="draft">草稿</option><option value="review">审核中</option><option value="final">定稿</option></select></label>
        <label>年度<select value={filters.year ?? ''} onChange={(e) => setFilter('year', e.target.value)}><option value="">全部</option>{years.map((y) => <option key={y} value={y}>{y}</option>)}</select></label>
        <label>发文机关<input value={filters.organ ?? ''} onChange={(e) => setFilter('organ', e.target.value)} /></label>
      </details>
      <div className="sidebar-section group-toggle" role="radiogroup" aria-label="分组方式">
        <button type="button" aria-pressed={groupBy === 'category'} onClick={() => setGroupBy('category')}>按领域</button>
        <button type="button" aria-pressed={groupBy === 'city'} onClick={() => setGroupBy('city')}>按地市</button>
      </div>
      {hits ? (
        <div className="search-hits" aria-label="搜索结果">
          <div className="hits-head">找到 {hits.length} 条 <button type="button" onClick={() => { setHits(null); setQuery(''); }}>清除</button></div>
          <ul>
            {hits.map((h) => (
              <li key={h.id} onClick={() => props.onOpen(h.id)} className="hit">
                <div className="hit-title">{h.title}</div>
                {/* The server escapes everything but its own <mark> tags. */}
                <div className="hit-snippet" dangerouslySetInnerHTML={{ __html: h.snippet }} />
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <nav className="tree" aria-label="案例树">
          {tree.length === 0 && <p className="empty">还没有文档。点击“导入”或把文件拖到窗口中。</p>}
          {tree.map((group) => (
            <div key={group.key} className={`tree-group ${dropKey === `group:${group.key}` ? 'drop-target' : ''}`} data-group={group.label} {...dropZone(`group:${group.key}`, categoryOf(group))}>
              <button type="button" className="group-head" onClick={() => setCollapsed((c) => ({ ...c, [group.key]: !c[group.key] }))} aria-expanded={!collapsed[group.key]}>
                <span className="caret">{collapsed[group.key] ? '▸' : '▾'}</span> {group.label} <span className="count">{group.count}</span>
              </button>
              {!collapsed[group.key] &&
                group.children.map((child) => (
                  <div key={child.key} className={`tree-sub ${dropKey === `sub:${group.key}/${child.key}` ? 'drop-target' : ''}`} data-subgroup={child.label} {...dropZone(`sub:${group.key}/${child.key}`, categoryOf(group, child))}>
                    <div className="sub-head">
                      {child.label} <span className="count">{child.count}</span>
                    </div>
                    <ul>{child.items.map((doc) => item(doc, categoryOf(group, child)))}</ul>
                  </div>
                ))}
            </div>
          ))}
        </nav>
      )}
    </aside>
  );
}
