// Types for Vite's asset imports used by the renderer (the pdf.js worker is imported `?url`).
declare module '*?url' {
  const url: string;
  export default url;
}
declare module '*.css';
