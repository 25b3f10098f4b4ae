/** Renders PDF bytes page by page onto canvases with pdf.js (worker bundled, so CSP 'self' holds). */
import { useEffect, useRef, useState, type JSX } from 'react';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export function PdfPages({ base64, maxPages = 12, scale = 0.9 }: { base64: string; maxPages?: number; scale?: number }): JSX.Element {
  const holder = useRef<HTMLDivElement>(null);
  const [info, setInfo] = useState('');
  useEffect(() => {
    let cancelled = false;
    const el = holder.current;
    if (!el) return;
    el.replaceChildren();
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const task = pdfjs.getDocument({ data: bytes, isEvalSupported: false });
    void (async () => {
      try {
        const doc = await task.promise;
        setInfo(`共 ${doc.numPages} 页${doc.numPages > maxPages ? `，预览前 ${maxPages} 页` : ''}`);
        for (let n = 1; n <= Math.min(doc.numPages, maxPages) && !cancelled; n++) {
          const page = await doc.getPage(n);
          const viewport = page.getViewport({ scale });
          const canvas = document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.className = 'pdf-page';
          canvas.dataset.page = String(n);
          el.appendChild(canvas);
          await page.render({ canvas, viewport }).promise;
        }
      } catch (e) {
        if (!cancelled) setInfo(`预览失败：${(e as Error).message}`);
      }
    })();
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [base64, maxPages, scale]);
  return (
    <div className="pdf-preview">
      <div className="muted">{info}</div>
      <div ref={holder} className="pdf-pages" />
    </div>
  );
}
