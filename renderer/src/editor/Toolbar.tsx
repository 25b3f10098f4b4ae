/** The editor's toolbar: block kinds, marks, lists, inserts, history, review tools. */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { mergeRegister } from '@lexical/utils';
import { useEffect, useRef, useState, type JSX } from 'react';
import type { ParagraphRole } from '../../../electron/core/model/types.js';
import { $insertFootnote, $insertImage, $insertPageBreak, $setBlockKind, $setParagraphRole, $toggleRunIn, type BlockKind } from './commands.js';

const MARK_BUTTONS: Array<{ format: TextFormatType; label: string; title: string }> = [
  { format: 'bold', label: 'B', title: '加粗 (Ctrl+B)' },
  { format: 'italic', label: 'I', title: '倾斜 (Ctrl+I)' },
  { format: 'underline', label: 'U', title: '下划线 (Ctrl+U)' },
  { format: 'strikethrough', label: 'S', title: '删除线' },
  { format: 'superscript', label: 'x²', title: '上标' },
  { format: 'subscript', label: 'x₂', title: '下标' },
];

export interface ToolbarProps {
  onComment: () => void;
  onPunctuation: () => void;
}

export function Toolbar({ onComment, onPunctuation }: ToolbarProps): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const [active, setActive] = useState<Record<string, boolean>>({});
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [prompt, setPrompt] = useState<null | 'footnote'>(null);
  const [promptText, setPromptText] = useState('');
  const imageInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const refresh = () => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      setActive(Object.fromEntries(MARK_BUTTONS.map((b) => [b.format, selection.hasFormat(b.format)])));
    };
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) => editorState.read(refresh)),
      editor.registerCommand(SELECTION_CHANGE_COMMAND, () => (refresh(), false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
    );
  }, [editor]);

  const onImage = (file: File | undefined) => {
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      const src = String(reader.result);
      const probe = new Image();
      probe.onload = () => editor.update(() => $insertImage(src, '', probe.naturalWidth, probe.naturalHeight));
      probe.src = src;
    };
    reader.readAsDataURL(file);
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="编辑工具栏">
      <button type="button" title="撤销 (Ctrl+Z)" disabled={!canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>↶</button>
      <button type="button" title="重做 (Ctrl+Y)" disabled={!canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>↷</button>
      <span className="sep" />
      <select aria-label="段落格式" defaultValue="" onChange={(e) => { const v = e.target.value as BlockKind; if (v) editor.update(() => $setBlockKind(v)); e.target.value = ''; }}>
        <option value="">段落格式</option>
        <option value="paragraph">正文</option>
        <option value="h1">一级标题</option>
        <option value="h2">二级标题</option>
        <option value="h3">三级标题</option>
        <option value="h4">四级标题</option>
        <option value="quote">引用</option>
      </select>
      <select aria-label="段落角色" defaultValue="" onChange={(e) => { const v = e.target.value; if (v) editor.update(() => $setParagraphRole(v === 'none' ? null : (v as ParagraphRole))); e.target.value = ''; }}>
        <option value="">段落角色</option>
        <option value="none">普通</option>
        <option value="lead">导语</option>
        <option value="byline">署名/来源</option>
        <option value="note">附注</option>
        <option value="center">居中</option>
      </select>
      <button type="button" title="段首小标题（选中段首文字）" onClick={() => editor.update($toggleRunIn)}>段首标题</button>
      <span className="sep" />
      {MARK_BUTTONS.map((b) => (
        <button key={b.format} type="button" title={b.title} aria-label={`${b.label} ${b.title}`} aria-pressed={Boolean(active[b.format])} className={`mark-btn mark-${b.format}`} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, b.format)}>
          {b.label}
        </button>
      ))}
      <span className="sep" />
      <button type="button" title="编号列表" onClick={() => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)}>1.</button>
      <button type="button" title="项目符号列表" onClick={() => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)}>•</button>
      <button type="button" title="插入表格" onClick={() => editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } })}>表格</button>
      <button type="button" title="插入图片" onClick={() => imageInput.current?.click()}>图片</button>
      <input ref={imageInput} type="file" accept="image/png,image/jpeg,image/gif" hidden onChange={(e) => { onImage(e.target.files?.[0]); e.target.value = ''; }} />
      <button type="button" title="插入脚注" onClick={() => { setPrompt('footnote'); setPromptText(''); }}>脚注</button>
      <button type="button" title="插入分页符" onClick={() => editor.update($insertPageBreak)}>分页</button>
      <span className="sep" />
      <button type="button" title="为选中文字添加批注" onClick={onComment}>批注</button>
      <button type="button" title="校对：标点、数字、层次序号和敏感信息（GB/T 15834、15835）" onClick={onPunctuation}>校对</button>
      {prompt === 'footnote' && (
        <form
          className="inline-prompt"
          onSubmit={(e) => {
            e.preventDefault();
            const text = promptText.trim();
            if (text) editor.update(() => $insertFootnote(text));
            setPrompt(null);
          }}
        >
          <input autoFocus value={promptText} onChange={(e) => setPromptText(e.target.value)} placeholder="脚注内容" aria-label="脚注内容" />
          <button type="submit">插入</button>
          <button type="button" onClick={() => setPrompt(null)}>取消</button>
        </form>
      )}
    </div>
  );
}
