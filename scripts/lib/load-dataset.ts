/** Node-side loading of the dataset's sources of truth from data/. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleDataset, type NamedInput } from '../../src/dataset/assemble';
import type { Dataset } from '../../src/dataset/schema';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA_DIR = path.join(ROOT, 'data');

async function readJson(file: string, root: string): Promise<NamedInput> {
  const rel = path.relative(root, file);
  const text = await readFile(file, 'utf8');
  try {
    return { file: rel, value: JSON.parse(text) as unknown };
  } catch (error) {
    throw new Error(`${rel}: not valid JSON: ${(error as Error).message}`);
  }
}

/** Reads data/meta.json, data/fx.json and data/companies/*.json and validates them into one Dataset. */
export async function loadDataset(dataDir = DATA_DIR): Promise<Dataset> {
  const root = path.dirname(dataDir);
  const companyDir = path.join(dataDir, 'companies');
  const files = (await readdir(companyDir)).filter((f) => f.endsWith('.json')).sort();
  const companies = await Promise.all(files.map((f) => readJson(path.join(companyDir, f), root)));
  const meta = await readJson(path.join(dataDir, 'meta.json'), root);
  const fx = await readJson(path.join(dataDir, 'fx.json'), root);
  return assembleDataset(meta, companies, fx);
}
