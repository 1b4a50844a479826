import { describe, expect, it } from 'vitest';
import { jsonFileName, namedDownloadUrl, resultFileName } from './download.ts';

describe('download file names', () => {
  it('names a result file after its workflow and run', () => {
    expect(
      resultFileName('Leads from Typeform', '3f2a9c1d-8b7e-4c3a-9d2f-000000000000', 'csv'),
    ).toBe('leads-from-typeform-run-3f2a9c1d.csv');
  });
  it('keeps the run when the workflow has no usable name', () => {
    expect(resultFileName(undefined, 'ABCDEF12-x', 'json')).toBe('run-abcdef12.json');
    expect(resultFileName('🚀', 'abcdef12', 'csv')).toBe('run-abcdef12.csv');
  });
  it('still names a spec from its title', () => {
    expect(jsonFileName('Café leads')).toBe('cafe-leads.json');
  });

  it('asks only the sandbox’s own download links to save under that name', () => {
    const origin = 'http://127.0.0.1:6464';
    expect(
      namedDownloadUrl(
        '/inlet/downloads/j1/results_j1.csv?expires=1&signature=s',
        'acme-run-j1.csv',
        origin,
      ),
    ).toBe(`${origin}/inlet/downloads/j1/results_j1.csv?expires=1&signature=s&save_as=acme-run-j1`);
    const elsewhere = 'https://storage.example/b/results.csv?X-Goog-Signature=abc';
    expect(namedDownloadUrl(elsewhere, 'acme-run-j1.csv', origin)).toBe(elsewhere);
  });
});
