import { createHash } from 'node:crypto';
import type { ReturnFieldType } from '@core/workflow/block-specs.ts';
import { cell, cellText, type Row } from './row.ts';

const FIRST_NAMES = ['Alex', 'Sam', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Jamie'];
const LAST_NAMES = ['Rivera', 'Chen', 'Okafor', 'Novak', 'Silva', 'Larsen', 'Haddad', 'Kim'];
const TITLES = ['Head of Growth', 'VP Engineering', 'Founder & CEO', 'Sales Director', 'CTO'];
const CITIES = ['Berlin', 'Austin', 'Lagos', 'Toronto', 'Singapore', 'Lisbon', 'Denver', 'Seoul'];
const INDUSTRIES = ['Software', 'Logistics', 'Healthcare', 'Fintech', 'Retail', 'Energy'];
const WORDS = ['platform', 'analytics', 'automation', 'payments', 'security', 'data', 'cloud'];
const EMAIL_STATUSES = ['valid', 'valid', 'valid', 'risky', 'invalid', 'unknown'];

/**
 * A stream of stable numbers from the row's JSON, the block and the column: the same row
 * always simulates the same values, on every run and every machine.
 */
export function seededNumbers(row: Row, blockName: string, column: string): () => number {
  const digest = createHash('sha256')
    .update(JSON.stringify(Object.entries(row)))
    .update('\u0000')
    .update(blockName)
    .update('\u0000')
    .update(column)
    .digest();
  let offset = 0;
  return () => {
    const value = digest.readUInt32BE(offset % 28);
    offset += 4;
    return value;
  };
}

const pick = <T>(items: readonly T[], n: number, fallback: T): T =>
  items[n % items.length] ?? fallback;

export const slug = (text: string): string =>
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

export const companyName = (row: Row): string =>
  firstText(row, ['company_name', 'company', 'organization', 'name']) || 'Unknown company';

export function companyDomain(row: Row): string {
  const site = firstText(row, ['company_domain', 'domain', 'website']);
  if (site !== '') return slug(site);
  const email = firstText(row, ['email', 'work_email']);
  const at = email.lastIndexOf('@');
  if (at > 0) return slug(email.slice(at + 1));
  return `${slug(companyName(row))}.example`;
}

export const personName = (row: Row, next: () => number): string =>
  firstText(row, ['full_name', 'name']) ||
  `${pick(FIRST_NAMES, next(), 'Alex')} ${pick(LAST_NAMES, next(), 'Kim')}`;

const emailOf = (name: string, domain: string): string => {
  const [first = 'alex', last = 'kim'] = name.toLowerCase().split(/\s+/);
  return `${`${first}.${last}`.replace(/[^a-z0-9.]/g, '')}@${domain}`;
};

/** A plausible text for a column, guessed from its name. */
function textFor(column: string, row: Row, next: () => number): string {
  const name = column.toLowerCase();
  const person = () => personName(row, next);
  if (name === 'email_status') return pick(EMAIL_STATUSES, next(), 'valid');
  if (name.includes('email')) return emailOf(person(), companyDomain(row));
  if (name.includes('phone'))
    return `+1 555 ${String(100 + (next() % 900))} ${String(1000 + (next() % 9000))}`;
  if (name.includes('linkedin'))
    return name.includes('company') || !firstText(row, ['full_name', 'name'])
      ? `https://www.linkedin.com/company/${slug(companyName(row))}`
      : `https://www.linkedin.com/in/${slug(person())}`;
  if (name.includes('github')) return `https://github.com/${slug(person()).replace(/\./g, '')}`;
  if (name.includes('url') || name.includes('website') || name.includes('domain'))
    return `https://${companyDomain(row)}`;
  if (name.includes('title')) return pick(TITLES, next(), 'CTO');
  if (name.includes('company')) return companyName(row);
  if (name.includes('name')) return person();
  if (name.includes('city') || name.includes('location') || name.includes('headquarters'))
    return pick(CITIES, next(), 'Berlin');
  if (name.includes('industry')) return pick(INDUSTRIES, next(), 'Software');
  if (name.includes('batch'))
    return `${pick(['W', 'S'], next(), 'W')}${String(15 + (next() % 10))}`;
  if (name.includes('id')) return `sim_${next().toString(16)}`;
  return `${companyName(row)}: ${pick(WORDS, next(), 'data')} ${pick(WORDS, next(), 'cloud')} (${column.replace(/_/g, ' ')})`;
}

function integerFor(column: string, next: () => number): number {
  const name = column.toLowerCase();
  if (name.includes('year')) return 1950 + (next() % 75);
  if (name.includes('employee') || name.includes('headcount')) return 10 + (next() % 9_990);
  if (name.includes('rank')) return 1 + (next() % 500);
  return next() % 1_000;
}

function numberFor(column: string, next: () => number): number {
  const name = column.toLowerCase();
  if (name.includes('rating')) return Math.round((1 + (next() % 400) / 100) * 10) / 10;
  if (name.includes('revenue') || name.includes('funding')) return (1 + (next() % 500)) * 100_000;
  return Math.round((next() % 10_000) / 100) / 100;
}

/** A value of the declared type for a simulated column. */
export function simulatedValue(
  type: ReturnFieldType,
  column: string,
  row: Row,
  next: () => number,
): unknown {
  switch (type) {
    case 'str':
      return textFor(column, row, next);
    case 'int':
      return integerFor(column, next);
    case 'float':
      return numberFor(column, next);
    case 'bool':
      return next() % 2 === 0;
    case 'list[str]': {
      const count = 1 + (next() % 3);
      return Array.from({ length: count }, (_, index) =>
        column.toLowerCase().includes('domain')
          ? `${pick(WORDS, next(), 'data')}${String(index)}.${companyDomain(row)}`
          : textFor(column, row, next),
      );
    }
    case 'list[int]': {
      const count = 1 + (next() % 3);
      return Array.from({ length: count }, () => integerFor(column, next));
    }
    case 'dict':
      return {
        summary: textFor(column, row, next),
        score: numberFor('score', next),
        source: 'sandbox simulation',
      };
  }
}
