/**
 * A review package whose checksum holds but whose content a faulty tool wrote: readReviewPackage
 * refuses it with a ReviewPackageError naming the case (the API turns that into the file's
 * Chinese message), never with a bare Yjs or Buffer error that reaches the user as 内部出错.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { readReviewPackage, ReviewPackageError } from '../electron/core/team/review.js';

function pack(cases: unknown[]): Buffer {
  const body = { format: 'huibian-review', version: 1, collectionId: 'col', collectionTitle: '2021年案例', createdAt: '2026-01-01T00:00:00Z', createdBy: '外审专家', cases };
  const checksum = createHash('sha256').update(JSON.stringify({ ...body, checksum: undefined })).digest('hex');
  return gzipSync(Buffer.from(JSON.stringify({ ...body, checksum })));
}

const refused = (data: Buffer, message: string) =>
  assert.throws(() => readReviewPackage(data), (e: unknown) => e instanceof ReviewPackageError && e.message === message);

test('a case whose state is not a Yjs update is named', () => {
  refused(pack([{ name: 'col/a', title: '一门受理', state: Buffer.from('不是协同文档').toString('base64') }]), '审阅包已损坏：其中「一门受理」案例的内容无法读取，整个审阅包未读取');
});

test('a case without its state, or not an object, is named by its place', () => {
  refused(pack([{ name: 'col/b' }]), '审阅包已损坏：其中第 1 个案例缺少内容，整个审阅包未读取');
  refused(pack([null]), '审阅包已损坏：其中第 1 个案例缺少内容，整个审阅包未读取');
});
