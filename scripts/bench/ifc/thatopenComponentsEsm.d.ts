/** The ES module build of @thatopen/components (thatOpen.ts imports it by path: the package has no `exports`). */
declare module '@thatopen/components/dist/index.mjs' {
  export * from '@thatopen/components';
}
