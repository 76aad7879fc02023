import { describe, expect, it } from 'vitest';
import { CompanyRecord } from '../../../src/dataset/schema';
import { assembleDataset, DatasetError } from '../../../src/dataset/assemble';
import { checkDatasetInputs, formatProblem } from '../../../src/dataset/check';
import { microsoftLike, SOURCE } from './fixtures';

const META = { file: 'data/meta.json', value: { version: '2026.11.26', published: '2026-11-26T00:00:00Z' } };
const FX = { file: 'data/fx.json', value: { rates: [] } };

describe('schema refusals', () => {
  it('refuses a data point without a source', () => {
    const company = microsoftLike();
    const { source: _dropped, ...unsourced } = company.facts![0]!;
    const result = CompanyRecord.safeParse({ ...company, facts: [unsourced] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain('facts.0.source');
  });

  it('refuses a period that is not in fiscal terms', () => {
    const company = microsoftLike({ facts: [{ ...microsoftLike().facts![0]!, period: '2025Q2' }] });
    expect(CompanyRecord.safeParse(company).success).toBe(false);
  });

  it('refuses a metric outside the vocabulary and a source without a date', () => {
    const bad = microsoftLike({
      facts: [{ ...microsoftLike().facts![0]!, metric: 'ebitda' as never, source: { url: SOURCE.url, title: SOURCE.title } as never }],
    });
    const paths = CompanyRecord.safeParse(bad).error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['facts.0.metric', 'facts.0.source.published']));
  });

  it('assembleDataset names the file and the field of every broken record', () => {
    const broken = { file: 'data/companies/contoso.json', value: { ...microsoftLike(), website: 'not a url' } };
    expect(() => assembleDataset(META, [broken], FX)).toThrow(DatasetError);
    try {
      assembleDataset(META, [broken], FX);
    } catch (error) {
      expect((error as DatasetError).problems).toEqual([expect.stringMatching(/^data\/companies\/contoso\.json: website: /)]);
    }
  });

  it('check reports schema problems per file and still checks the files that parsed', () => {
    const broken = { file: 'data/companies/broken.json', value: { ...microsoftLike({ id: 'broken' }), country: 'usa' } };
    const duplicatePoint = microsoftLike();
    duplicatePoint.facts = [...duplicatePoint.facts!, duplicatePoint.facts![3]!];
    const report = checkDatasetInputs(META, [broken, { file: 'data/companies/contoso.json', value: duplicatePoint }], FX);
    const lines = report.errors.map(formatProblem);
    expect(lines).toContainEqual(expect.stringMatching(/^data\/companies\/broken\.json: country: /));
    expect(lines).toContainEqual(expect.stringMatching(/^data\/companies\/contoso\.json: facts\[4\] capex FY2025: duplicate point/));
  });
});
