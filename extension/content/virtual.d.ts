/** The alias table, compiled from the dataset at build time (scripts/build.ts). */
declare module 'virtual:footnote/alias-table' {
  import type { AliasTable } from '../../src/companies';
  const bundled: { table: AliasTable; datasetVersion: string };
  export default bundled;
}
