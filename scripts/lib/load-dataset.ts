/** Node-side loading of the dataset's sources of truth from data/. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleDataset, type NamedInput } from '../../src/dataset/assemble';
import type { Dataset } from '../../src/dataset/schema';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA_DIR = path.join(ROOT, 'data');

export interface DatasetInputs {
  meta: NamedInput;
  companies: NamedInput[];
  fx: NamedInput;
  /** Files that are not valid JSON, as `file: reason`; they are left out of `companies`. */
  unreadable: string[];
}

async function readJson(file: string, root: string): Promise<NamedInput> {
  const rel = path.relative(root, file).split(path.sep).join('/');
  const text = await readFile(file, 'utf8');
  try {
    return { file: rel, value: JSON.parse(text) as unknown };
  } catch (error) {
    throw new Error(`${rel}: not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Reads data/meta.json, data/fx.json and data/companies/*.json without validating them, so that a check
 * can report every file's problems at once. A company file that is not JSON is reported in `unreadable`.
 */
export async function readDatasetInputs(dataDir = DATA_DIR): Promise<DatasetInputs> {
  const root = path.dirname(dataDir);
  const companyDir = path.join(dataDir, 'companies');
  const files = (await readdir(companyDir)).filter((f) => f.endsWith('.json')).sort();
  const unreadable: string[] = [];
  const companies: NamedInput[] = [];
  for (const f of files) {
    try {
      companies.push(await readJson(path.join(companyDir, f), root));
    } catch (error) {
      unreadable.push((error as Error).message);
    }
  }
  const meta = await readJson(path.join(dataDir, 'meta.json'), root);
  const fx = await readJson(path.join(dataDir, 'fx.json'), root);
  return { meta, companies, fx, unreadable };
}

/** Reads data/meta.json, data/fx.json and data/companies/*.json and validates them into one Dataset. */
export async function loadDataset(dataDir = DATA_DIR): Promise<Dataset> {
  const { meta, companies, fx, unreadable } = await readDatasetInputs(dataDir);
  if (unreadable.length > 0) throw new Error(unreadable.join('\n'));
  return assembleDataset(meta, companies, fx);
}
