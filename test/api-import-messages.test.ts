/**
 * What the importer says reaches the user in Chinese: a preview's warnings and errors carry the
 * Chinese sentence only, and an error keeps the importer's English note as its `detail`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { userMessage } from '../electron/core/api/handlers/import.js';
import { apiSession } from './fixtures/api-session.js';

const session = apiSession('huibian-messages-');
const TUNING = path.join(import.meta.dirname, 'fixtures/portal/tuning');

test('a preview warns in Chinese and names a failure in Chinese, its English note kept as detail', async () => {
  const empty = path.join(session.dir, '空白.txt');
  writeFileSync(empty, '');
  const notice = path.join(TUNING, 'yangxin-2024-diming-gonggao.txt');
  const p = await session.call('import.preview', { files: [{ name: '空白.txt', path: empty }, { name: path.basename(notice), path: notice }] });
  assert.deepEqual(p.errors, [{ file: '空白.txt', message: '“空白.txt”是空文件，没有可导入的内容。', detail: '空白.txt is empty.' }]);
  const [file] = p.files;
  assert.ok(file!.warnings.length > 0, 'a 公告 copied without its title is imported under the file name, with a warning');
  for (const w of file!.warnings) {
    assert.match(w, /[\u4e00-\u9fff]/u);
    assert.doesNotMatch(w, /\b(?:the|was|were|not|in)\b/u, w);
  }
});

test('userMessage cuts at the sentence an English note starts, and leaves Chinese-only and English-only text whole', () => {
  assert.deepEqual(userMessage('按固定行宽断行的文本已重新合并为段落。 Hard-wrapped lines were joined into paragraphs.'), { message: '按固定行宽断行的文本已重新合并为段落。', detail: 'Hard-wrapped lines were joined into paragraphs.' });
  assert.deepEqual(userMessage('已删除镜像网站在汉字后加注的拼音（3 处）。 Bracketed pinyin was removed (3).'), { message: '已删除镜像网站在汉字后加注的拼音（3 处）。', detail: 'Bracketed pinyin was removed (3).' });
  assert.deepEqual(userMessage('支持的格式：.txt .docx。请另存后再导入。'), { message: '支持的格式：.txt .docx。请另存后再导入。' });
  assert.deepEqual(userMessage('Unrecognised element w:sdt.'), { message: 'Unrecognised element w:sdt.' });
});
