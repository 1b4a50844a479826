import { MAX_ROWS } from '../limits.ts';
import { returnFieldsSchema, type ReturnFieldType } from './block-specs.ts';

/** A column a simulated block adds to each row it touches. */
export type OutputColumn = { name: string; type: ReturnFieldType; description: string };

const column = (name: string, type: ReturnFieldType, description: string): OutputColumn => ({
  name,
  type,
  description,
});

/**
 * The columns each block adds when it has no `return_fields` (or cannot take them). Sixtyfour
 * documents `find_email` → `email`, `find_phone` → `phone`, `verify_email` → `email_status`;
 * the other names are [decision]s in the same style.
 */
export const FIXED_OUTPUT_COLUMNS: Readonly<Record<string, readonly OutputColumn[]>> = {
  lead_enrichment: [
    column('title', 'str', 'Current job title'),
    column('linkedin_url', 'str', 'LinkedIn profile URL'),
    column('location', 'str', 'City the person works in'),
  ],
  company_enrichment: [
    column('description', 'str', 'What the company does'),
    column('employee_count', 'int', 'Number of employees'),
    column('headquarters', 'str', 'City of the headquarters'),
    column('linkedin_url', 'str', 'LinkedIn company page'),
  ],
  find_email: [column('email', 'str', 'Work email')],
  find_phone: [column('phone', 'str', 'Phone number')],
  verify_email: [column('email_status', 'str', 'valid, invalid, risky or unknown')],
  reverse_email: [
    column('full_name', 'str', 'The person behind the email'),
    column('title', 'str', 'Current job title'),
    column('company_name', 'str', 'Where the person works'),
    column('linkedin_url', 'str', 'LinkedIn profile URL'),
  ],
  reverse_phone: [
    column('full_name', 'str', 'The person behind the phone number'),
    column('company_name', 'str', 'Where the person works'),
    column('linkedin_url', 'str', 'LinkedIn profile URL'),
  ],
  github_find_people: [
    column('github_username', 'str', 'GitHub user name'),
    column('github_url', 'str', 'GitHub profile URL'),
  ],
  google_maps_search: [
    column('place_name', 'str', 'Name of the place'),
    column('place_address', 'str', 'Street address'),
    column('place_rating', 'float', 'Average rating, 1 to 5'),
    column('place_phone', 'str', 'Phone number of the place'),
  ],
  scrape_web: [
    column('page_title', 'str', 'Title of the page'),
    column('page_text', 'str', 'Text of the page'),
  ],
  backlinks_referring_domains: [
    column('referring_domains', 'list[str]', 'Domains that link to the site'),
    column('referring_domain_count', 'int', 'How many domains link to the site'),
  ],
  find_subdomains: [column('subdomains', 'list[str]', 'Subdomains of the domain')],
  x_search: [column('x_posts', 'list[str]', 'Matching posts on X')],
  tiktok_get_following: [column('tiktok_following', 'list[str]', 'Accounts followed')],
  kaggle_leaderboard: [
    column('kaggle_rank', 'int', 'Rank on the leaderboard'),
    column('kaggle_score', 'float', 'Leaderboard score'),
  ],
  llm_openai: [column('llm_output', 'str', "The model's answer")],
  qa_agent: [
    column('qa_passed', 'bool', 'Whether the row passed the check'),
    column('qa_reason', 'str', 'Why'),
  ],
  research_agent: [column('research_summary', 'str', 'What the agent found')],
  transform_data: [column('transformed_value', 'str', 'The transformed value')],
  hubspot_import: [column('hubspot_record_id', 'str', 'Id of the HubSpot record')],
  yc_batches: [column('yc_batch', 'str', 'Y Combinator batch, like W24')],
  yc_companies: [
    column('yc_batch', 'str', 'Y Combinator batch, like W24'),
    column('yc_url', 'str', "The company's Y Combinator page"),
  ],
};

/** Columns `company_to_leads` gives each lead row, after the company's own columns. */
export const LEAD_ROW_COLUMNS: readonly OutputColumn[] = [
  column('full_name', 'str', 'Name of the person'),
  column('title', 'str', 'Current job title'),
  column('linkedin_url', 'str', 'LinkedIn profile URL'),
];

/**
 * The sources that find their own rows (`search`, `read_notebook`) [decision]: a sandbox run
 * makes `max_results` rows (this many unless set, at most `MAX_ROWS`) of the spec's
 * `dataframe_type`, LEAD unless it says COMPANY, with these columns.
 */
export const FOUND_ROWS_DEFAULT = 10;
export const FOUND_COLUMNS: Readonly<Record<'LEAD' | 'COMPANY', readonly OutputColumn[]>> = {
  LEAD: [
    column('full_name', 'str', 'Name of the person'),
    column('title', 'str', 'Current job title'),
    column('company_name', 'str', 'Where the person works'),
    column('linkedin_url', 'str', 'LinkedIn profile URL'),
  ],
  COMPANY: [
    column('company_name', 'str', 'Name of the company'),
    column('website', 'str', "The company's website"),
    column('industry', 'str', 'What the company does'),
    column('employee_count', 'int', 'Number of employees'),
  ],
};

/** How many rows a finding source makes, and of which type, read from its specs. */
export function foundRows(specs: Record<string, unknown>): {
  count: number;
  rowType: 'LEAD' | 'COMPANY';
} {
  const asked = specs.max_results;
  const count =
    typeof asked === 'number' && Number.isInteger(asked) && asked > 0
      ? Math.min(asked, MAX_ROWS)
      : FOUND_ROWS_DEFAULT;
  return { count, rowType: specs.dataframe_type === 'COMPANY' ? 'COMPANY' : 'LEAD' };
}

/** Columns of each company row `leads_to_company` makes. */
export const COMPANY_ROW_COLUMNS: readonly OutputColumn[] = [
  column('company_name', 'str', 'Name of the company'),
  column('company_domain', 'str', 'Domain of the company'),
  column('lead_count', 'int', 'How many of the leads work there'),
];

/** Blocks that honour `return_fields` instead of their fixed columns when it is given. */
const TAKES_RETURN_FIELDS = new Set([
  'lead_enrichment',
  'company_enrichment',
  'llm_openai',
  'qa_agent',
  'research_agent',
  'transform_data',
]);

const normalType = (type: string): ReturnFieldType => {
  switch (type) {
    case 'int':
    case 'float':
    case 'bool':
    case 'list[str]':
    case 'list[int]':
    case 'dict':
      return type;
    default:
      return 'str';
  }
};

/**
 * The columns a simulated block adds, by its (canonical) name and specs: exactly the
 * `return_fields` when the block takes them and they are given, else its fixed columns.
 * `company_enrichment` with `find_people: true` also adds `people` [decision].
 */
export function outputColumns(blockName: string, specs: Record<string, unknown>): OutputColumn[] {
  const parsed = returnFieldsSchema.safeParse(specs.return_fields);
  const fromFields =
    TAKES_RETURN_FIELDS.has(blockName) && parsed.success && Object.keys(parsed.data).length > 0
      ? Object.entries(parsed.data).map(([name, field]) =>
          typeof field === 'string'
            ? column(name, 'str', field)
            : column(name, normalType(field.type), field.description ?? ''),
        )
      : [...(FIXED_OUTPUT_COLUMNS[blockName] ?? [])];
  if (blockName === 'company_enrichment' && specs.find_people === true) {
    fromFields.push(column('people', 'list[str]', 'People at the company, "Name (title)"'));
  }
  return fromFields;
}

/**
 * Every column the blocks of a workflow add (return_fields, fixed outputs, converters' rows),
 * by name, for a results table to mark. Pure: the same for the sandbox and for Sixtyfour.
 */
export function addedColumns(
  blocks: readonly { block_name: string; specs: Record<string, unknown> }[],
  canonicalName: (name: string) => string = (name) => name,
): Set<string> {
  const added = new Set<string>();
  for (const block of blocks) {
    const name = canonicalName(block.block_name);
    const columns =
      name === 'company_to_leads'
        ? LEAD_ROW_COLUMNS
        : name === 'leads_to_company'
          ? COMPANY_ROW_COLUMNS
          : outputColumns(name, block.specs);
    for (const column of columns) added.add(column.name);
    if (name === 'group_by') added.add('group_count');
  }
  return added;
}
