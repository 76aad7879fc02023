/** The alias table and company countries, compiled from the dataset at build time (scripts/build.ts). */
declare module 'virtual:footnote/alias-table' {
  import type { AliasTable } from '../../src/companies';
  const bundled: { table: AliasTable; countries: Record<string, string>; datasetVersion: string };
  export default bundled;
}
