/**
 * The window: a header with the main actions, the library on the left, the open document
 * (or the import preview, or the composer) in the centre with its panels on the right.
 * What was open (collection, document, expanded groups) is kept in localStorage and comes
 * back after a restart; unsaved text is flushed when the page goes away.
 */
import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import { REDO_COMMAND, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import { MAX_IMPORT_BYTES, type CollectionSummary, type ImportPreview } from '../../../electron/core/api/schema.js';
import { api, ApiCallError, bridge, fileToBase64, importSources } from '../api/client.js';
import { describeError, UserFacingError, type ErrorContext } from '../api/errors.js';
import { loadUiState, saveUiState } from '../uiState.js';
import { Library } from './Library.js';
import { ImportView } from './ImportView.js';
import { DocumentView } from './DocumentView.js';
import { ComposerView } from './ComposerView.js';
import { Toasts, type Toast } from './Toasts.js';
import { ReviewerName } from './ReviewerName.js';
import { TeamSettings } from './TeamSettings.js';
import { ConfirmHost } from './ConfirmDialog.js';
import { mergedSummary, ReviewPackView, type ReviewPackPreview, type ReviewPackSource } from './ReviewPackView.js';

/** The open editor, if any: Lexical keeps its instance on the root element. */
function activeEditor(): LexicalEditor | null {
  const root = document.querySelector('.editor-content') as (HTMLElement & { __lexicalEditor?: LexicalEditor }) | null;
  return root?.__lexicalEditor ?? null;
}

type View =
  | { name: 'home' }
  | { name: 'doc'; id: string }
  | { name: 'import'; preview: ImportPreview; converted?: string[] }
  | { name: 'compose' }
  | { name: 'review'; preview: ReviewPackPreview; source: ReviewPackSource };

const ACCEPT = '.txt,.html,.htm,.docx,.doc,.md';

/**
 * A review package's refusals (another collection, damaged, a case missing or 定稿) are
 * written in Chinese by the API and name the file and the cases: shown as they are, since the
 * generic sentence for their code (e.g. 已不存在) would mislead.
 */
function reviewPackError(error: unknown, action: string): unknown {
  if (!(error instanceof ApiCallError) || !['invalid-input', 'not-found', 'locked'].includes(error.code)) return error;
  const message = error.message.replace(/^[a-zA-Z]+\.[a-zA-Z]+: (?:[\w.]+: )?/, '');
  return /[\u4e00-\u9fff]/.test(message) ? new UserFacingError(`${action}没有完成：${message}`, `${error.code}: ${error.message}`) : error;
}

export type ReportError = (error: unknown, context?: ErrorContext) => void;
export type Notify = (text: string, action?: Toast['action']) => void;

let toastSeq = 0;

const megabytes = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

/** Files over the import limit, named with their size and what to do. */
function tooLargeMessage(files: Array<{ name: string; size: number }>, what: '导入' | '审阅包'): string {
  const named = files.map((f) => `“${f.name}”（${megabytes(f.size)}）`).join('、');
  const limit = megabytes(MAX_IMPORT_BYTES);
  return what === '审阅包'
    ? `${named}超过 ${limit} 的上限，没有读取：审阅包通常只有几百 KB，请确认选的是审阅人寄回的 .hbreview 文件。`
    : `${named}超过 ${limit} 的导入上限，没有读取，库中没有任何改动：请把文件拆成几份（或压缩其中的图片）后再导入。`;
}

export function App(): JSX.Element {
  const initial = useRef(loadUiState()).current;
  const [collections, setCollections] = useState<CollectionSummary[]>([]);
  const [collectionId, setCollectionIdState] = useState<string | null>(initial.collectionId ?? null);
  const [view, setView] = useState<View>(initial.documentId ? { name: 'doc', id: initial.documentId } : { name: 'home' });
  const [refreshKey, setRefreshKey] = useState(0);
  const [categories, setCategories] = useState<string[]>([]);
  const [reviewerName, setReviewerNameState] = useState<string | null>(null);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [importing, setImporting] = useState<string | null>(null);
  const [dragOver, setDragOver] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const previewed = useRef<Array<{ name: string; path?: string; data?: string; convertToSimplified?: boolean }>>([]);
  const reviewInput = useRef<HTMLInputElement>(null);
  const flushRef = useRef<((autosave: boolean) => Promise<void>) | null>(null);

  const onError = useCallback<ReportError>((error, context) => {
    const m = describeError(error, context ?? { action: '操作' });
    setToasts((t) => [...t.filter((x) => x.kind === 'error').slice(-2), { id: ++toastSeq, kind: 'error', text: m.text, ...(m.detail ? { detail: m.detail } : {}) }]);
  }, []);
  const notify = useCallback<Notify>((text, action) => {
    // One notice at a time: a new undo replaces the last one; errors stay.
    setToasts((t) => [...t.filter((x) => x.kind === 'error'), { id: ++toastSeq, kind: 'info', text, ...(action ? { action } : {}) }]);
  }, []);

  const refresh = useCallback(() => {
    setRefreshKey((k) => k + 1);
    api('collections.list', {})
      .then(setCollections)
      .catch((e: unknown) => onError(e, { action: '读取汇编列表', subject: '汇编列表' }));
  }, [onError]);

  const setCollectionId = useCallback((id: string | null) => {
    setCollectionIdState(id);
    saveUiState({ collectionId: id });
  }, []);

  useEffect(() => {
    refresh();
    api('categories.list', {}).then(setCategories).catch(() => undefined);
    api('settings.get', {}).then((s) => setReviewerNameState(s.reviewerName)).catch(() => undefined);
  }, [refresh]);

  useEffect(() => {
    saveUiState({ documentId: view.name === 'doc' ? view.id : null });
  }, [view]);

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

  const preview = async (files: Array<{ name: string; path?: string; data?: string; convertToSimplified?: boolean }>, empty: string[] = []) => {
    await leaveDocument();
    // Kept for the preview's 转换为简体, which reads the same files again.
    previewed.current = files;
    if (empty.length) {
      // The previous preview belongs to other files: it must not stay on screen as if it were this one's.
      setView((v) => (v.name === 'import' ? { name: 'home' } : v));
      onError(`${empty.map((n) => `“${n}”`).join('、')}是空文件（0 字节），没有可导入的内容。请检查文件是否已保存完整，再重新导入。`);
    }
    if (!files.length) return;
    setImporting(`正在分析 ${files.length} 个文件…`);
    try {
      const converted = files.filter((f) => f.convertToSimplified).map((f) => f.name);
      setView({ name: 'import', preview: await api('import.preview', { files }), ...(converted.length ? { converted } : {}) });
    } catch (e) {
      setView((v) => (v.name === 'import' ? { name: 'home' } : v));
      onError(e, { action: '导入', subject: files.map((f) => `“${f.name}”`).join('、') });
    } finally {
      setImporting(null);
    }
  };

  const readFiles = async (files: File[]) => {
    if (!files.length) return;
    const empty = files.filter((f) => f.size === 0).map((f) => f.name);
    // Over the API's limit a file would be refused anyway; read into the page first, a file of a
    // hundred MB or more can take the page (and what is typed in it) down. Refused unread.
    const huge = files.filter((f) => f.size > MAX_IMPORT_BYTES);
    if (huge.length) {
      setView((v) => (v.name === 'import' ? { name: 'home' } : v));
      onError(tooLargeMessage(huge.map((f) => ({ name: f.name, size: f.size })), '导入'));
    }
    const rest = files.filter((f) => f.size > 0 && f.size <= MAX_IMPORT_BYTES);
    if (!rest.length && !empty.length) return;
    setImporting(`正在读取文件 0/${rest.length}…`);
    try {
      const sources = await importSources(rest, (done, total) => setImporting(`正在读取文件 ${done}/${total}…`));
      await preview(sources, empty);
    } catch (e) {
      onError(e, { action: '读取文件', subject: rest.map((f) => `“${f.name}”`).join('、') });
    } finally {
      setImporting(null);
    }
  };

  const pickFiles = async () => {
    const b = bridge();
    if (b) {
      const paths = await b.dialogs.openDrafts();
      if (paths.length) await preview(paths.map((p) => ({ name: p.split(/[\\/]/).pop() ?? p, path: p })));
    } else {
      fileInput.current?.click();
    }
  };

  const openReviewPack = async (file: File) => {
    await leaveDocument();
    if (file.size > MAX_IMPORT_BYTES) {
      onError(tooLargeMessage([{ name: file.name, size: file.size }], '审阅包'));
      return;
    }
    const path = bridge()?.pathForFile(file);
    setImporting(`正在读取审阅包“${file.name}”…`);
    try {
      const source: ReviewPackSource = path ? { name: file.name, path } : { name: file.name, data: await fileToBase64(file) };
      setView({ name: 'review', preview: await api('reviewPack.preview', { file: source }), source });
    } catch (e) {
      onError(reviewPackError(e, '导入审阅包'), { action: '导入审阅包', subject: `“${file.name}”` });
    } finally {
      setImporting(null);
    }
  };

  const create = async (kind: 'case' | 'notice') => {
    const title = kind === 'notice' ? '关于……的通知' : '新案例';
    try {
      const created = await api('documents.create', { kind, ...(collectionId ? { collectionId } : {}), meta: { title } });
      refresh();
      await open(created.document.id);
    } catch (e) {
      onError(e, { action: kind === 'notice' ? '新建通知' : '新建案例', subject: `《${title}》` });
    }
  };

  const focusSearch = () => {
    const input = document.querySelector<HTMLInputElement>('input[type=search][aria-label=全文搜索]');
    input?.focus();
    input?.select();
  };

  // Menu commands from the Electron shell, and the same shortcuts in a browser.
  const commands = useRef<Record<string, () => void>>({});
  commands.current = {
    import: () => void pickFiles(),
    export: () => void leaveDocument().then(() => setView({ name: 'compose' })),
    save: () => void flushRef.current?.(false),
    find: () => {
      // In a document: find in its text; elsewhere: the full-text search.
      if (!document.querySelector('.editor-content')) return focusSearch();
      window.dispatchEvent(new CustomEvent('huibian:find'));
    },
    search: focusSearch,
    undo: () => activeEditor()?.dispatchCommand(UNDO_COMMAND, undefined),
    redo: () => activeEditor()?.dispatchCommand(REDO_COMMAND, undefined),
  };
  useEffect(() => bridge()?.onMenu((command) => commands.current[command]?.()), []);
  // Electron asks before the window closes: every open editor saves what it has.
  useEffect(
    () =>
      bridge()?.onBeforeClose(async () => {
        const waits: Array<Promise<void>> = [];
        window.dispatchEvent(new CustomEvent('huibian:flush', { detail: { waits } }));
        await Promise.allSettled(waits);
      }),
    [],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 's' && !e.shiftKey) {
        e.preventDefault();
        commands.current.save?.();
      } else if (key === 'f') {
        e.preventDefault();
        (e.shiftKey ? commands.current.search : commands.current.find)?.();
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
        <button type="button" onClick={() => void create('case')}>新建案例</button>
        <button type="button" onClick={() => void create('notice')}>新建通知</button>
        <button type="button" onClick={() => commands.current.export?.()} aria-pressed={view.name === 'compose'}>排版导出</button>
        <button type="button" onClick={() => reviewInput.current?.click()} title="打开审阅人寄回的 .hbreview 审阅包，先查看再合并">导入审阅包</button>
        <input ref={reviewInput} type="file" accept=".hbreview" hidden aria-label="选择审阅包" data-testid="review-pack-input" onChange={(e) => { const file = e.target.files?.[0]; e.target.value = ''; if (file) void openReviewPack(file); }} />
        <input ref={fileInput} type="file" multiple accept={ACCEPT} hidden aria-label="选择要导入的文件" data-testid="import-input" onChange={(e) => { const files = Array.from(e.target.files ?? []); e.target.value = ''; void readFiles(files); }} />
        <span className="spacer" />
        {importing && <span className="header-progress" role="status"><progress aria-label="导入进度" /> {importing}</span>}
        <TeamSettings onError={onError} />
        <ReviewerName name={reviewerName} onChange={setReviewerName} onError={onError} />
      </header>
      <div className="app-body">
        <Library
          collections={collections}
          collectionId={collectionId}
          onCollection={setCollectionId}
          selectedId={view.name === 'doc' ? view.id : null}
          onOpen={(id) => void open(id)}
          onClosed={(id) => setView((v) => (v.name === 'doc' && v.id === id ? { name: 'home' } : v))}
          refreshKey={refreshKey}
          onChanged={refresh}
          onError={onError}
          notify={notify}
        />
        <main className="center">
          {view.name === 'home' && (
            <div className="home">
              <h1>民政工作创新案例汇编</h1>
              <p>导入案例初稿（TXT、HTML、DOCX、DOC、Markdown），在左侧按业务领域和地市浏览，编辑、批注后排版导出 PDF 和 DOCX。</p>
              <p className="muted">可以把文件直接拖到窗口中导入。Ctrl+Shift+F 全文搜索，Ctrl+F 在案例中查找。</p>
            </div>
          )}
          {view.name === 'import' && (
            <ImportView
              key={view.preview.previewId}
              preview={view.preview}
              collections={collections}
              categories={categories}
              onCancel={() => setView({ name: 'home' })}
              onError={onError}
              converted={view.converted ?? []}
              onConvert={(names) => void preview(previewed.current.map((f) => (names.includes(f.name) ? { ...f, convertToSimplified: true } : f)))}
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
              onMissing={() => setView({ name: 'home' })}
              registerFlush={(f) => (flushRef.current = f)}
            />
          )}
          {view.name === 'review' && (
            <ReviewPackView
              key={view.preview.fileName + view.preview.createdAt}
              preview={view.preview}
              source={view.source}
              onCancel={() => setView({ name: 'home' })}
              onOpen={(id) => void open(id)}
              onError={(e, ctx) => onError(reviewPackError(e, '合并审阅包'), ctx)}
              onMerged={(result) => {
                notify(mergedSummary(result));
                refresh();
                const first = result.cases[0]?.documentId;
                setView(first ? { name: 'doc', id: first } : { name: 'home' });
              }}
            />
          )}
          {view.name === 'compose' && <ComposerView collections={collections} collectionId={collectionId} onCollection={setCollectionId} onError={onError} onOpen={(id) => void open(id)} />}
        </main>
      </div>
      <ConfirmHost />
      <Toasts toasts={toasts} onClose={(id) => setToasts((t) => t.filter((x) => x.id !== id))} />
    </div>
  );
}
