import { DesignerPage } from './pages/designer-page.ts';
import { RunConsole } from './pages/run-console.ts';
import { expect, test } from './support/fixtures.ts';

const spec = {
  input_schema: {
    company_name: { type: 'string', required: true },
    website: { type: 'string' },
    employees: { type: 'integer', required: false },
  },
  webhook_input: JSON.stringify([
    { company_name: 'Acme', website: 'https://acme.example', employees: 12 },
  ]),
  dataframe_type: 'COMPANY',
};

const override = {
  input_schema: {
    company_name: { type: 'string', required: true },
    website: { type: 'string', required: false },
    employees: { type: 'integer', required: true },
  },
};

test('a typed override survives Save workflow → Create and a reload, and the next run uses it', async ({
  page,
}) => {
  const console_ = new RunConsole(page);
  const designer = new DesignerPage(page);
  await console_.open();
  await console_.designSpec(spec);

  await test.step('Type an override before any workflow exists', async () => {
    await console_.typeOverride(JSON.stringify(override));
    await expect(console_.override).toContainText('1 key differs from the stored spec.');
  });

  await test.step('Save workflow asks what to do with it; keep it per run, then Create', async () => {
    await console_.region.getByRole('button', { name: 'Save workflow' }).click();
    const dialog = page.getByRole('dialog', { name: /^Save workflow to / });
    await expect(
      dialog.getByRole('radio', { name: /^Keep it as a per-run override/ }),
    ).toBeChecked();
    await expect(
      dialog.getByRole('radio', { name: /^Fold it into the stored spec/ }),
    ).toBeVisible();
    await dialog.getByLabel('Workflow name').fill('E2E kept override');
    await dialog.getByRole('button', { name: 'Create workflow' }).click();
    await expect(dialog).toBeHidden();
    await expect(console_.region.getByText('E2E kept override', { exact: true })).toBeVisible();
    await expect(console_.override).toContainText('1 key differs from the stored spec.');
  });

  await test.step('The payload is judged against the saved workflow plus the override', async () => {
    await expect(page.getByRole('status', { name: 'Judged against' })).toContainText(
      'workflow E2E kept override as saved + override',
    );
  });

  await test.step('Reload: the override is there', async () => {
    await expect(designer.draftStatus).toContainText('Saved');
    await page.reload();
    await expect(console_.region.getByText('E2E kept override', { exact: true })).toBeVisible();
    await expect(console_.override).toContainText('1 key differs from the stored spec.');
    await expect(console_.changedCells()).toHaveCount(1);
  });

  await test.step('The next run sends it', async () => {
    const [request] = await Promise.all([
      page.waitForRequest((sent) => new URL(sent.url()).pathname === '/workflows/run'),
      console_.runTest(),
    ]);
    expect((request.postDataJSON() as { specs_override?: unknown }).specs_override).toEqual(
      override,
    );
    await console_.expectStatus('completed');
  });

  await test.step('Open the workflow again (a new draft): its override comes back', async () => {
    await console_.openWorkflow('E2E kept override');
    await expect(console_.override).toContainText('1 key differs from the stored spec.');
  });
});

test('a one-column override marks exactly that cell; a naive one says what it drops', async ({
  page,
}) => {
  const console_ = new RunConsole(page);
  await console_.open();
  await console_.designSpec(spec);
  await console_.saveWorkflow('E2E one column');

  await test.step('No override: nothing is marked', async () => {
    await expect(console_.effectiveSpec.getByRole('table')).toBeVisible();
    await expect(console_.changedCells()).toHaveCount(0);
  });

  await test.step('Make employees required for this run: that one cell is marked', async () => {
    await console_.effectiveSpec
      .getByRole('checkbox', { name: 'employees: required for this run' })
      .check();
    await expect(console_.changedCells()).toHaveCount(1);
    await expect(console_.changedCells()).toContainText('employees.required: false → true');
    await expect(
      console_.effectiveSpec
        .getByRole('row', { name: /^employees/ })
        .getByRole('cell')
        .nth(2),
    ).toContainText('changed');
    await expect(console_.effectiveSpec.getByRole('alert')).toHaveCount(0);
  });

  await test.step('A naive override of one column says, before the run, what it drops', async () => {
    await console_.typeOverride(
      JSON.stringify({ input_schema: { employees: { type: 'integer', required: true } } }),
    );
    await expect(console_.effectiveSpec.getByRole('alert')).toContainText(
      'This run drops the stored columns “company_name”, “website”',
    );
  });

  await test.step('Start from the stored spec: nothing dropped, nothing changed', async () => {
    await console_.effectiveSpec
      .getByRole('button', { name: 'Start from the stored spec' })
      .click();
    await expect(console_.effectiveSpec.getByRole('alert')).toHaveCount(0);
    await expect(console_.changedCells()).toHaveCount(0);
  });
});
