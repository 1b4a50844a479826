/** `count` company rows, numbered from 1, as the run specs send them. */
export const companies = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    company_name: `Company ${index + 1}`,
    website: `https://company-${index + 1}.example`,
  }));

/** A COMPANY spec for those rows, with them as its webhook_input. */
export const companySpec = (rows: unknown[]) => ({
  input_schema: {
    company_name: { type: 'string', required: true },
    website: { type: 'string' },
  },
  webhook_input: JSON.stringify(rows),
  dataframe_type: 'COMPANY',
});
