import type { Page } from '@playwright/test';
import { DesignerPage } from './pages/designer-page.ts';
import { PayloadPage } from './pages/payload-page.ts';
import { expect, test } from './support/fixtures.ts';

/*
 * A payload text is written before its draft points at it, and the text it replaces is
 * removed after: a tab closed in between leaves a text nothing will read again. The app
 * sweeps such texts a few seconds after it starts, in IndexedDB (large payloads) and in
 * localStorage alike, and keeps every text a draft names and any written in the last minutes
 * (another tab may be about to point its draft at it).
 */

const HOUR = 3_600_000;
const key = (draft: string, madeAt: number) =>
  `inlet.payload.v2.${draft}.t${madeAt.toString(36)}.${draft}-text`;

/** Puts `text` under `key` in the app's IndexedDB payload store. */
const putIndexed = (page: Page, entries: Record<string, string>) =>
  page.evaluate(
    (entries) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('inlet-payloads', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('payloads');
        open.onerror = () => {
          reject(open.error ?? new Error('open failed'));
        };
        open.onsuccess = () => {
          const transaction = open.result.transaction('payloads', 'readwrite');
          for (const [each, text] of Object.entries(entries)) {
            transaction.objectStore('payloads').put(text, each);
          }
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => {
            reject(transaction.error ?? new Error('put failed'));
          };
        };
      }),
    entries,
  );

const indexedKeys = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('inlet-payloads', 1);
        open.onerror = () => {
          reject(open.error ?? new Error('open failed'));
        };
        open.onsuccess = () => {
          const request = open.result.transaction('payloads').objectStore('payloads').getAllKeys();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result.map(String).sort());
          };
        };
      }),
  );

test('payload texts left behind by a closed tab are swept; texts in use are kept', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  const payload = new PayloadPage(page);
  const now = Date.now();
  const leftInIndexedDb = key('closed-tab', now - 2 * HOUR);
  const leftInLocal = key('closed-tab-2', now - 2 * HOUR);
  const justWritten = key('other-tab', now);

  await test.step('A draft with a payload, and texts no draft names', async () => {
    await designer.goto();
    await payload.waitForEditor();
    await payload.replaceText('[{"email": "kept@example.com"}]');
    await expect(designer.draftStatus).toContainText('Saved');
    await putIndexed(page, { [leftInIndexedDb]: '[]', [justWritten]: '[]' });
    await page.evaluate((each) => {
      localStorage.setItem(each, '[]');
    }, leftInLocal);
  });

  await test.step('After a reload the old unnamed texts go; the fresh one and the draft stay', async () => {
    await page.reload();
    await payload.waitForEditor();
    await expect.poll(() => indexedKeys(page), { timeout: 15_000 }).toEqual([justWritten]);
    expect(await page.evaluate((each) => localStorage.getItem(each), leftInLocal)).toBeNull();
    await expect(payload.region).toContainText('kept@example.com');
  });
});
