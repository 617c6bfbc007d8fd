// The examples menu, made from examples/ at build time (vite.config.ts).
declare module 'virtual:examples' {
  export const EXAMPLES: { id: string; title: string; load: () => Promise<{ scheme: string; data: string }> }[];
}
