/** Vite asset imports used by the renderer (the pdf.js worker is loaded by URL). */
declare module '*?url' {
  const url: string;
  export default url;
}
