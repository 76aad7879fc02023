/**
 * Joins the dataset's sources of truth (meta, one record per company, the FX table) into one validated
 * `Dataset`, with errors that name the file and the point. Reading the files is the caller's job
 * (scripts/ in Node, the feed client in the browser).
 */
import { CompanyRecord, Dataset, DatasetMeta, FxTable } from './schema';
import type { z } from 'zod';

export interface NamedInput {
  /** Where the input came from, for messages: `data/companies/alibaba.json`. */
  file: string;
  value: unknown;
}

export class DatasetError extends Error {
  constructor(readonly problems: string[]) {
    super(`The dataset has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n- ${problems.join('\n- ')}`);
    this.name = 'DatasetError';
  }
}

/** Formats zod issues as `file: path.to.field: message`. */
export function describeIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file}: ${issue.path.length ? issue.path.join('.') + ': ' : ''}${issue.message}`);
}

export function assembleDataset(meta: NamedInput, companies: NamedInput[], fx: NamedInput): Dataset {
  const problems: string[] = [];
  const parsedMeta = DatasetMeta.safeParse(meta.value);
  if (!parsedMeta.success) problems.push(...describeIssues(meta.file, parsedMeta.error));
  const parsedFx = FxTable.safeParse(fx.value);
  if (!parsedFx.success) problems.push(...describeIssues(fx.file, parsedFx.error));
  const records: CompanyRecord[] = [];
  for (const input of companies) {
    const parsed = CompanyRecord.safeParse(input.value);
    if (parsed.success) records.push(parsed.data);
    else problems.push(...describeIssues(input.file, parsed.error));
  }
  if (problems.length > 0 || !parsedMeta.success || !parsedFx.success) throw new DatasetError(problems);
  records.sort((a, b) => a.id.localeCompare(b.id));
  return Dataset.parse({ ...parsedMeta.data, companies: records, fx: parsedFx.data.rates });
}
