import { DesignerPage } from './pages/designer-page.ts';
import { RunConsole } from './pages/run-console.ts';
import { expect, test } from './support/fixtures.ts';

const spec = {
  input_schema: {
    company_name: { type: 'string', required: true },
    employees: { type: 'integer', required: false },
  },
  webhook_input: JSON.stringify([{ company_name: 'Acme', employees: 12, city: 'Oslo' }]),
  dataframe_type: 'COMPANY',
};

test('the payload is judged against the spec the next run uses, and says which', async ({
  page,
}) => {
  const console_ = new RunConsole(page);
  const designer = new DesignerPage(page);
  const judgedAgainst = page.getByRole('status', { name: 'Judged against' });
  const saveToWorkflow = page.getByRole('button', { name: 'Save to workflow' });
  await console_.open();
  await console_.designSpec(spec);

  await test.step('No workflow yet: the form draft is judged', async () => {
    await expect(judgedAgainst).toContainText('form draft');
    await expect(saveToWorkflow).toHaveCount(0);
  });

  await test.step('Saved: the workflow as saved is judged', async () => {
    await console_.saveWorkflow('E2E judged');
    await expect(judgedAgainst).toContainText('workflow E2E judged as saved');
    await expect(saveToWorkflow).toHaveCount(0);
  });

  await test.step('The form gains a column: the difference is named beside the problems', async () => {
    await designer.addColumn({ name: 'city' });
    await expect(
      page.getByText('The form differs from the spec saved in workflow E2E judged.'),
    ).toBeVisible();
    await expect(saveToWorkflow).toBeVisible();
  });

  await test.step('Save to workflow: the form and the saved spec agree again', async () => {
    await saveToWorkflow.click();
    await expect(saveToWorkflow).toHaveCount(0);
    await expect(judgedAgainst).toContainText('workflow E2E judged as saved');
    await expect(console_.effectiveSpec.getByRole('row', { name: /^city/ })).toBeVisible();
  });

  await test.step('Fold an override into the stored spec: the form takes it, the override goes', async () => {
    await console_.effectiveSpec
      .getByRole('checkbox', { name: 'employees: required for this run' })
      .check();
    await expect(judgedAgainst).toContainText('workflow E2E judged as saved + override');
    await console_.region.getByRole('button', { name: 'Save workflow' }).click();
    const dialog = page.getByRole('dialog', { name: /^Save workflow to / });
    await dialog.getByRole('radio', { name: /^Fold it into the stored spec/ }).check();
    await dialog.getByRole('button', { name: 'Update workflow' }).click();
    await expect(dialog).toBeHidden();
    await expect(console_.override).toContainText('No override: the run uses the stored spec');
    await expect(judgedAgainst).toContainText('workflow E2E judged as saved');
    await expect(judgedAgainst).not.toContainText('override');
    await expect(designer.row(1).getByRole('checkbox', { name: 'Required' })).toBeChecked();
    await expect(saveToWorkflow).toHaveCount(0);
  });
});
