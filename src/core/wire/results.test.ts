import { describe, expect, it } from 'vitest';
import { downloadLinksResponseSchema, workflowResultItemWithDownloadSchema } from './results.ts';

const item = (download_url: string | null) => ({
  filename: 'results.csv',
  storage_bucket: 'inlet-sandbox',
  download_url,
});

describe('download links the browser follows', () => {
  it('accepts http(s) links and none', () => {
    for (const url of ['https://storage.example/a.csv?sig=1', 'http://127.0.0.1:6464/x', null]) {
      expect(workflowResultItemWithDownloadSchema.safeParse(item(url)).success, String(url)).toBe(
        true,
      );
    }
  });

  it('refuses javascript:, data: and every other scheme, saying why', () => {
    for (const url of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'file:///etc/passwd',
      '//evil.example/a.csv',
      'https://',
    ]) {
      const parsed = workflowResultItemWithDownloadSchema.safeParse(item(url));
      expect(parsed.success, url).toBe(false);
      expect(parsed.error?.issues[0]?.message).toContain('http(s)');
    }
  });
});

describe('a download-links answer with a link that is not followed', () => {
  it('keeps the inline rows and drops only the link, saying what it was', () => {
    for (const url of ['gs://sixtyfour-results/run.csv', 'javascript:alert(1)']) {
      const [file] = downloadLinksResponseSchema.parse([
        { ...item(url), row_count: 1, results: [{ email: 'ada@example.com' }] },
      ]);
      expect(file?.download_url, url).toBeNull();
      expect(file?.refused_download_url, url).toBe(url);
      expect(file?.results, url).toEqual([{ email: 'ada@example.com' }]);
    }
  });

  it('leaves http(s) links and none as they are', () => {
    const [file, none] = downloadLinksResponseSchema.parse([
      item('https://storage.example/a.csv?sig=1'),
      item(null),
    ]);
    expect(file?.download_url).toBe('https://storage.example/a.csv?sig=1');
    expect(file?.refused_download_url).toBeUndefined();
    expect(none?.download_url).toBeNull();
  });
});
