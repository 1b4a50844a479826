import type { SpecModel } from '../core/spec/webhook-spec.ts';

/** The spec the bench judges against: 9 columns, two required, five optional in the data. */
export const BENCH_SPEC: SpecModel = {
  dataframe_type: 'LEAD',
  columns: [
    { name: 'email', type: 'string', required: true, description: 'Work email' },
    { name: 'full_name', type: 'string', required: true, description: '' },
    { name: 'company', type: 'string', required: false, description: '' },
    { name: 'title', type: 'string', required: false, description: '' },
    { name: 'employees', type: 'integer', required: false, description: '' },
    { name: 'revenue', type: 'number', required: false, description: '' },
    { name: 'is_customer', type: 'boolean', required: false, description: '' },
    { name: 'tags', type: 'list[string]', required: false, description: '' },
    { name: 'website', type: 'string', required: false, description: '' },
  ],
};

/** mulberry32: a small seeded generator, so every run judges the same payload. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ada', 'Grace', 'Linus', 'Margaret', 'Alan', 'Barbara', 'Ken', 'Radia', 'Dennis'];
const LAST = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Turing', 'Liskov', 'Thompson'];
const TITLES = [
  'Chief Technology Officer',
  'Head of Growth Marketing',
  'VP of Sales, EMEA',
  'Founder & CEO',
  'Staff Software Engineer',
  'Chief Operating Officer',
];
const SUFFIXES = ['Inc.', 'GmbH', 'Ltd', 'SAS', 'BV'];
const TAGS = ['saas', 'fintech', 'b2b', 'seed', 'series-a', 'remote', 'eu', 'us'];

/** The ways a bad row is bad, one each, so about 5% of rows carry one finding. */
const DEFECTS = [
  (row: Record<string, unknown>) => {
    row.employees = '50-100';
  },
  (row: Record<string, unknown>) => {
    delete row.email;
  },
  (row: Record<string, unknown>) => {
    row.full_name = null;
  },
  (row: Record<string, unknown>) => {
    row.revenue = '1.2M';
  },
  (row: Record<string, unknown>) => {
    row.is_customer = 'yes';
  },
  (row: Record<string, unknown>) => {
    row.linkedin_url = 'https://www.linkedin.com/in/someone';
  },
];

export type BenchPayload = { rows: number; text: string; badRows: number };

/** Rows of flat records, pretty-printed (2 spaces) as people paste them: ~300 bytes a row. */
export function generatePayload(rowCount: number, seed = 64): BenchPayload {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const rows: Record<string, unknown>[] = [];
  let badRows = 0;
  for (let index = 0; index < rowCount; index += 1) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const company = `${pick(LAST)} ${pick(['Labs', 'Systems', 'Analytics', 'Robotics'])} ${pick(SUFFIXES)}`;
    const row: Record<string, unknown> = {
      email: `${first.toLowerCase()}.${last.toLowerCase()}${String(index)}@${company.split(' ')[0]?.toLowerCase() ?? 'x'}.example.com`,
      full_name: `${first} ${last}`,
      company,
    };
    if (random() < 0.7) row.title = pick(TITLES);
    row.employees = Math.floor(random() * 5000) + 1;
    if (random() < 0.8) row.revenue = Math.round(random() * 1e9) / 100;
    row.is_customer = random() < 0.3;
    if (random() < 0.6) row.tags = [pick(TAGS), pick(TAGS)];
    if (random() < 0.5)
      row.website = `https://www.${company.split(' ')[0]?.toLowerCase() ?? 'x'}.example.com/`;
    if (random() < 0.05) {
      pick(DEFECTS)(row);
      badRows += 1;
    }
    rows.push(row);
  }
  return { rows: rowCount, text: JSON.stringify(rows, null, 2), badRows };
}
