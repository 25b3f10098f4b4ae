/**
 * The window: a header with the main actions, the library on the left, the open document
 * (or the import preview, or the composer) in the centre with its panels on the right.
 */
import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import { REDO_COMMAND, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import type { CollectionSummary, ImportPreview } from '../../../electron/core/api/schema.js';
import { api, bridge, importSources } from '../api/client.js';
import { Library } from './Library.js';
import { ImportView } from './ImportView.js';
import { DocumentView } from './DocumentView.js';
import { ComposerView } from './ComposerView.js';

/** The open editor, if any: Lexical keeps its instance on the root element. */
function activeEditor(): LexicalEditor | null {
  const root = document.querySelector('.editor-content') as (HTMLElement & { __lexicalEditor?: LexicalEditor }) | null;
  return root?.__lexicalEditor ?? null;
}

type View = { name: 'home' } | { name: 'doc'; id: string } | { name: 'import'; preview: ImportPreview } | { name: 'compose' };

const ACCEPT = '.txt,.html,.htm,.docx,.doc,.md';

export function App(): JSX.Element {
  const [collections, setCollections] = useState<CollectionSummary[]>([]);
  const [collectionId, setCollectionId] = useState<string | null>(null);
  const [view, setView] = useState<View>({ name: 'home' });
  const [refreshKey, setRefreshKey] = useState(0);
  const [categories, setCategories] = useState<string[]>([]);
  const [reviewerName, setReviewerNameState] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [importing, setImporting] = useState<string | null>(null);
  const [dragOver, setDragOver] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const flushRef = useRef<((autosave: boolean) => Promise<void>) | null>(null);

  const onError = useCallback((message: string) => setErrors((e) => [...e.slice(-2), message]), []);
  const refresh = useCallback(() => {
    setRefreshKey((k) => k + 1);
    api('collections.list', {}).then(setCollections).catch((e: Error) => onError(e.message));
  }, [onError]);

  useEffect(() => {
    refresh();
    api('categories.list', {}).then(setCategories).catch(() => undefined);
    api('settings.get', {}).then((s) => setReviewerNameState(s.reviewerName)).catch(() => undefined);
  }, [refresh]);

  const setReviewerName = async (name: string) => {
    const s = await api('settings.set', { reviewerName: name });
    setReviewerNameState(s.reviewerName);
  };

  const leaveDocument = async () => {
    try {
      await flushRef.current?.(true);
    } catch {
      /* the save state shows the failure */
    }
  };

  const open = async (id: string) => {
    await leaveDocument();
    setView({ name: 'doc', id });
  };

  const readFiles = async (files: File[]) => {
    if (!files.length) return;
    setImporting(`正在读取文件 0/${files.length}…`);
    const sources = await importSources(files, (done, total) => setImporting(`正在读取文件 ${done}/${total}…`));
    await preview(sources);
  };

  const preview = async (files: Array<{ name: string; path?: string; data?: string }>) => {
    if (!files.length) return;
    await leaveDocument();
    setImporting(`正在分析 ${files.length} 个文件…`);
    try {
      setView({ name: 'import', preview: await api('import.preview', { files }) });
    } catch (e) {
      onError(`导入失败：${(e as Error).message}`);
    } finally {
      setImporting(null);
    }
  };

  const pickFiles = async () => {
    const b = bridge();
    if (b) {
      const paths = await b.dialogs.openDrafts();
      await preview(paths.map((p) => ({ name: p.split(/[\\/]/).pop() ?? p, path: p })));
    } else {
      fileInput.current?.click();
    }
  };

  const newNotice = async () => {
    try {
      const created = await api('documents.create', { kind: 'notice', ...(collectionId ? { collectionId } : {}), meta: { title: '关于……的通知' } });
      refresh();
      await open(created.document.id);
    } catch (e) {
      onError((e as Error).message);
    }
  };

  const newCase = async () => {
    try {
      const created = await api('documents.create', { kind: 'case', ...(collectionId ? { collectionId } : {}), meta: { title: '新案例' } });
      refresh();
      await open(created.document.id);
    } catch (e) {
      onError((e as Error).message);
    }
  };

  // Menu commands from the Electron shell, and the same shortcuts in a browser.
  const commands = useRef<Record<string, () => void>>({});
  commands.current = {
    import: () => void pickFiles(),
    export: () => setView({ name: 'compose' }),
    save: () => void flushRef.current?.(false),
    find: () => document.querySelector<HTMLInputElement>('input[type=search]')?.focus(),
    undo: () => activeEditor()?.dispatchCommand(UNDO_COMMAND, undefined),
    redo: () => activeEditor()?.dispatchCommand(REDO_COMMAND, undefined),
  };
  useEffect(() => bridge()?.onMenu((command) => commands.current[command]?.()), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 's') {
        e.preventDefault();
        commands.current.save?.();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div
      className={`app ${dragOver ? 'drag-over' : ''}`}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragOver(true);
        }
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragOver(false);
      }}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        setDragOver(false);
        void readFiles(Array.from(e.dataTransfer.files));
      }}
    >
      <header className="app-header">
        <div className="brand">汇编</div>
        <button type="button" className="primary" onClick={() => void pickFiles()}>导入</button>
        <button type="button" onClick={() => void newCase()}>新建案例</button>
        <button type="button" onClick={() => void newNotice()}>新建通知</button>
        <button type="button" onClick={() => void leaveDocument().then(() => setView({ name: 'compose' }))} aria-pressed={view.name === 'compose'}>排版导出</button>
        <input ref={fileInput} type="file" multiple accept={ACCEPT} hidden aria-label="选择要导入的文件" data-testid="import-input" onChange={(e) => { const files = Array.from(e.target.files ?? []); e.target.value = ''; void readFiles(files); }} />
        <span className="spacer" />
        {importing && <span className="header-progress" role="status"><progress /> {importing}</span>}
        <span className="reviewer" title="审阅人">审阅人：{reviewerName ?? '未设置'}</span>
      </header>
      <div className="app-body">
        <Library
          collections={collections}
          collectionId={collectionId}
          onCollection={setCollectionId}
          selectedId={view.name === 'doc' ? view.id : null}
          onOpen={(id) => void open(id)}
          refreshKey={refreshKey}
          onChanged={refresh}
          onError={onError}
        />
        <main className="center">
          {view.name === 'home' && (
            <div className="home">
              <h1>民政工作创新案例汇编</h1>
              <p>导入案例初稿（TXT、HTML、DOCX、DOC、Markdown），在左侧按业务领域和地市浏览，编辑、批注后排版导出 PDF 和 DOCX。</p>
              <p className="muted">可以把文件直接拖到窗口中导入。</p>
            </div>
          )}
          {view.name === 'import' && (
            <ImportView
              preview={view.preview}
              collections={collections}
              categories={categories}
              onCancel={() => setView({ name: 'home' })}
              onError={onError}
              onDone={(cid, first) => {
                setCollectionId(cid);
                refresh();
                setView(first ? { name: 'doc', id: first } : { name: 'home' });
              }}
            />
          )}
          {view.name === 'doc' && (
            <DocumentView
              key={view.id}
              documentId={view.id}
              categories={categories}
              reviewerName={reviewerName}
              setReviewerName={setReviewerName}
              onChanged={refresh}
              onError={onError}
              registerFlush={(f) => (flushRef.current = f)}
            />
          )}
          {view.name === 'compose' && <ComposerView collections={collections} collectionId={collectionId} onCollection={setCollectionId} onError={onError} />}
        </main>
      </div>
      {errors.length > 0 && (
        <div className="toasts" role="alert">
          {errors.map((m, i) => (
            <div key={i} className="toast">
              {m}
              <button type="button" aria-label="关闭" onClick={() => setErrors((e) => e.filter((_, j) => j !== i))}>×</button>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
