import { createHash } from 'node:crypto';
import type { BlockRunner } from './block-runner.ts';
import { cell, cellText, withEntries, type Row } from './row.ts';

/** Marks every row a simulated block touched; added columns also end in `_simulated`. */
export const SIMULATED_MARKER = '_simulated';
const SIMULATED = 'simulated:';

const FIRST_NAMES = ['Alex', 'Sam', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Jamie'];
const LAST_NAMES = ['Rivera', 'Chen', 'Okafor', 'Novak', 'Silva', 'Larsen', 'Haddad', 'Kim'];
const TITLES = [
  'Head of Growth',
  'VP Engineering',
  'Founder & CEO',
  'Sales Director',
  'CTO',
  'Marketing Lead',
];
const CITIES = ['Berlin', 'Austin', 'Lagos', 'Toronto', 'Singapore', 'Lisbon', 'Denver', 'Seoul'];

/** A stable number from a row and a salt: the same row always simulates the same values. */
function rowHash(row: Row, salt: string): number {
  const digest = createHash('sha256')
    .update(salt)
    .update(JSON.stringify(Object.entries(row)))
    .digest();
  return digest.readUInt32BE(0);
}

const pick = <T>(items: readonly T[], hash: number, fallback: T): T =>
  items[hash % items.length] ?? fallback;

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/.*$/, '')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'unknown';

const firstText = (row: Row, columns: readonly string[]): string => {
  for (const column of columns) {
    const text = cellText(cell(row, column)).trim();
    if (text !== '') return text;
  }
  return '';
};

const companyName = (row: Row): string =>
  firstText(row, ['company_name', 'company', 'name', 'organization']) || 'Unknown company';

const companyDomain = (row: Row): string => {
  const site = firstText(row, ['website', 'domain', 'company_domain']);
  if (site !== '') return slug(site);
  const email = firstText(row, ['email', 'work_email']);
  const at = email.lastIndexOf('@');
  if (at > 0) return slug(email.slice(at + 1));
  return `${slug(companyName(row))}.example`;
};

const personName = (row: Row, hash: number): string =>
  firstText(row, ['full_name', 'name', 'full_name_simulated']) ||
  `${pick(FIRST_NAMES, hash, 'Alex')} ${pick(LAST_NAMES, hash >>> 8, 'Kim')}`;

function companyEnrichment(row: Row): Row[] {
  const hash = rowHash(row, 'company_enrichment');
  const name = companyName(row);
  const industry = firstText(row, ['industry']) || 'its industry';
  return [
    withEntries(row, [
      ['employee_count_simulated', 10 + (hash % 9_990)],
      ['founded_year_simulated', 1950 + (hash % 75)],
      ['headquarters_simulated', `${SIMULATED}${pick(CITIES, hash >>> 4, 'Berlin')}`],
      ['description_simulated', `${SIMULATED}${name} is a company in ${industry}.`],
      ['linkedin_url_simulated', `${SIMULATED}https://www.linkedin.com/company/${slug(name)}`],
      [SIMULATED_MARKER, true],
    ]),
  ];
}

function leadEnrichment(row: Row): Row[] {
  const hash = rowHash(row, 'lead_enrichment');
  const name = personName(row, hash);
  return [
    withEntries(row, [
      ['title_simulated', `${SIMULATED}${pick(TITLES, hash, 'CTO')}`],
      ['location_simulated', `${SIMULATED}${pick(CITIES, hash >>> 4, 'Berlin')}`],
      ['linkedin_url_simulated', `${SIMULATED}https://www.linkedin.com/in/${slug(name)}`],
      [SIMULATED_MARKER, true],
    ]),
  ];
}

function findEmail(row: Row): Row[] {
  const hash = rowHash(row, 'find_email');
  const [first = 'alex', last = 'kim'] = personName(row, hash).toLowerCase().split(/\s+/);
  const local = `${first}.${last}`.replace(/[^a-z0-9.]/g, '');
  return [
    withEntries(row, [
      ['email_simulated', `${SIMULATED}${local}@${companyDomain(row)}`],
      ['email_confidence_simulated', 50 + (hash % 50)],
      [SIMULATED_MARKER, true],
    ]),
  ];
}

function companyToLeads(row: Row): Row[] {
  const hash = rowHash(row, 'company_to_leads');
  const count = 1 + (hash % 3);
  return Array.from({ length: count }, (_, index) => {
    const person = hash >>> (index * 3);
    return Object.fromEntries<unknown>([
      ['company_name', companyName(row)],
      ['company_domain', companyDomain(row)],
      [
        'full_name_simulated',
        `${SIMULATED}${pick(FIRST_NAMES, person, 'Alex')} ${pick(LAST_NAMES, person >>> 5, 'Kim')}`,
      ],
      ['title_simulated', `${SIMULATED}${pick(TITLES, person >>> 2, 'CTO')}`],
      [SIMULATED_MARKER, true],
    ]);
  });
}

function leadsToCompanyRunner(): BlockRunner {
  const companies = new Map<string, { name: string; domain: string; leads: number }>();
  return {
    processRow(row) {
      const domain = companyDomain(row);
      const entry = companies.get(domain) ?? { name: companyName(row), domain, leads: 0 };
      entry.leads++;
      companies.set(domain, entry);
      return [];
    },
    finish: () =>
      [...companies.values()].map((company) =>
        Object.fromEntries<unknown>([
          ['company_name', company.name],
          ['company_domain', company.domain],
          ['lead_count_simulated', company.leads],
          [SIMULATED_MARKER, true],
        ]),
      ),
  };
}

/** The simulated enrichment blocks: deterministic values, each plainly marked as simulated. */
export function simulatedRunner(blockName: string): BlockRunner | undefined {
  switch (blockName) {
    case 'company_enrichment':
      return { processRow: companyEnrichment };
    case 'lead_enrichment':
      return { processRow: leadEnrichment };
    case 'find_email':
      return { processRow: findEmail };
    case 'company_to_leads':
      return { processRow: companyToLeads };
    case 'leads_to_company':
      return leadsToCompanyRunner();
    default:
      return undefined;
  }
}
