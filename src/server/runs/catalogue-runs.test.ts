import { Ajv } from 'ajv';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BLOCK_CATALOGUE } from '@core/workflow/block-catalogue.ts';
import { startRun, waitForTerminal } from '../test-support/fixtures.ts';
import { json, startTestApp, type TestApp } from '../test-support/test-app.ts';

const rowsSchema = z.array(z.record(z.string(), z.unknown()));
const linksSchema = z.array(
  z.object({ download_url: z.string(), results: z.unknown(), row_count: z.number().nullish() }),
);
const workflowSchema = z.object({
  id: z.string(),
  workflow_definition: z.object({
    blocks: z.array(
      z.object({
        block_id: z.string(),
        block_name: z.string(),
        block_type: z.string(),
        specs: z.record(z.string(), z.unknown()),
      }),
    ),
  }),
});
const runListSchema = z.array(
  z.object({
    job_id: z.string(),
    status_reason: z.string().nullish(),
    metrics: z
      .object({
        warnings: z.array(z.object({ column: z.string().nullable(), message: z.string() })),
      })
      .nullish(),
  }),
);
const detailSchema = z.object({ detail: z.string() });
const issuesSchema = z.object({ detail: z.array(z.object({ msg: z.string() })) });
/** A lead row made by the simulated company_to_leads block. */
const simulatedLead = z.looseObject({ _simulated: z.literal(true), full_name: z.string() });

type TestBlock = { block_name: string; specs?: Record<string, unknown>; block_type?: string };

/** A linear workflow from `webhookSpecs` through `blocks`, built the way Sixtyfour's examples build it. */
function chain(webhookSpecs: Record<string, unknown>, blocks: TestBlock[]) {
  const all = [
    { block_name: 'webhook', specs: webhookSpecs, block_type: 'webhook' },
    ...blocks,
  ].map((block, index) => ({
    block_id: `b${index + 1}`,
    sequence_number: index + 1,
    block_type: block.block_type ?? block.block_name,
    block_name: block.block_name,
    specs: block.specs ?? {},
  }));
  return {
    workflow_name: 'Catalogue test',
    workflow_description: 'Made by a test',
    workflow_definition: {
      blocks: all,
      edges: all.slice(1).map((block, index) => ({
        from_block_id: `b${index + 1}`,
        to_block_id: block.block_id,
      })),
    },
  };
}

const LEADS = [
  {
    full_name: 'Ada Lovelace',
    company_name: 'Analytical',
    company_domain: 'analytical.io',
    age: 36,
  },
  { full_name: 'Alan Turing', company_name: 'Bletchley', company_domain: 'bletchley.uk', age: 41 },
  {
    full_name: 'Grace Hopper',
    company_name: 'Analytical',
    company_domain: 'analytical.io',
    age: 85,
  },
];
const COMPANIES = [
  { company_name: 'Acme', website: 'acme.com', industry: 'Software' },
  { company_name: 'Globex', website: 'globex.com', industry: 'Manufacturing' },
];

describe('the whole catalogue in sandbox runs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (definition: unknown) =>
    t.call({
      method: 'POST',
      url: '/workflows/create_workflow',
      payload: JSON.stringify(definition),
      headers: { 'content-type': 'application/json' },
      contract: '/workflows/create_workflow',
    });
  const created = async (definition: unknown): Promise<string> => {
    const response = await create(definition);
    expect(response.statusCode, response.body).toBe(200);
    return workflowSchema.parse(json(response)).id;
  };
  const results = async (jobId: string) => {
    const links = await t.call({
      url: `/workflows/runs/${jobId}/results/download-links`,
      contract: '/workflows/runs/{run_id}/results/download-links',
    });
    return rowsSchema.parse(linksSchema.parse(json(links))[0]?.results);
  };
  const runOf = async (jobId: string) => {
    const list = runListSchema.parse(json(await t.call({ url: '/workflows/runs?limit=500' })));
    return list.find((run) => run.job_id === jobId);
  };
  const runRows = async (definition: unknown, rows: unknown[]) => {
    const id = await created(definition);
    const jobId = await startRun(t, id, { webhook_payload: rows });
    const status = await waitForTerminal(t, jobId);
    expect(status, (await runOf(jobId))?.status_reason ?? '').toBe('completed');
    return { jobId, rows: await results(jobId) };
  };

  it('lists every block with a specs_schema that accepts the documented shapes', async () => {
    const response = await t.call({ url: '/workflows/blocks', contract: '/workflows/blocks' });
    const blocks = z
      .array(z.object({ block_name: z.string(), specs_schema: z.record(z.string(), z.unknown()) }))
      .parse(json(response));
    expect(blocks.map((block) => block.block_name)).toEqual(
      BLOCK_CATALOGUE.map((block) => block.block_name),
    );
    const documented: Record<string, Record<string, unknown>[]> = {
      webhook: [{}, { dataframe_type: 'LEAD', input_schema: { email: 'string' } }],
      search: [{ query: 'CTOs', dataframe_type: 'LEAD', max_results: 10, auto_execute: false }],
      company_enrichment: [
        {
          return_fields: { company_revenue: { type: 'float', description: 'Revenue' } },
          find_people: true,
          people_focus_prompt: 'Founders',
          unknown_extra: 1,
        },
      ],
      lead_enrichment: [{ return_fields: { skills: { type: 'list[str]', description: '' } } }],
      find_email: [{ mode: 'PROFESSIONAL' }],
      filter: [{ filters: [{ column: 'a', operator: 'matches', value: '^x', logic: 'or' }] }],
      deduplicate: [{}, { columns: ['email'] }],
      company_to_leads: [{}],
      append_to_notebook: [{ notebook_id: '__create_new__', notebook_name: 'Leads' }],
    };
    const ajv = new Ajv({ strict: false });
    for (const block of blocks) {
      const validate = ajv.compile(block.specs_schema);
      // These three need keys Sixtyfour does not document; every other block takes {}.
      const needsKeys = ['remove_columns', 'group_by', 'outgoing_webhook'].includes(
        block.block_name,
      );
      for (const specs of documented[block.block_name] ?? (needsKeys ? [] : [{}])) {
        expect(validate(specs), `${block.block_name} ${JSON.stringify(validate.errors)}`).toBe(
          true,
        );
      }
    }
    const filter = ajv.compile(blocks.find((b) => b.block_name === 'filter')?.specs_schema ?? {});
    expect(filter({ filters: [{ column: 'a', operator: 'sounds_like', value: 'x' }] })).toBe(false);
  });

  it('runs every block of the catalogue (sources refused with a sentence)', async () => {
    const checked: string[] = [];
    for (const definition of BLOCK_CATALOGUE) {
      const name = definition.block_name;
      if (name === 'webhook' || name === 'outgoing_webhook') continue; // outgoing: executor.test.
      if (definition.block_type === 'source') {
        const id = await created({
          workflow_name: name,
          workflow_description: '',
          workflow_definition: {
            blocks: [
              { block_id: 's', sequence_number: 1, block_type: name, block_name: name, specs: {} },
            ],
            edges: [],
          },
        });
        const run = await t.call({
          method: 'POST',
          url: `/workflows/run?workflow_id=${id}`,
          payload: JSON.stringify({ webhook_payload: LEADS }),
          headers: { 'content-type': 'application/json' },
        });
        expect(run.statusCode, name).toBe(400);
        expect(detailSchema.parse(json(run)).detail).toContain('webhook');
        checked.push(name);
        continue;
      }
      const specs: Record<string, Record<string, unknown>> = {
        filter: { filters: [{ column: 'age', operator: 'greater', value: 40 }] },
        group_by: { columns: ['company_name'] },
        remove_columns: { columns: ['age'] },
      };
      const input = definition.input === 'COMPANY' ? COMPANIES : LEADS;
      const webhook = definition.input === 'ANY' ? {} : { dataframe_type: definition.input };
      const first = await runRows(
        chain(webhook, [{ block_name: name, specs: specs[name] ?? {} }]),
        input,
      );
      const second = await runRows(
        chain(webhook, [{ block_name: name, specs: specs[name] ?? {} }]),
        input,
      );
      expect(second.rows, `${name} is deterministic`).toEqual(first.rows);
      expect(first.rows.length, name).toBeGreaterThan(0);
      if (definition.sandbox === 'simulated') {
        const warnings = (await runOf(first.jobId))?.metrics?.warnings ?? [];
        expect(
          warnings.some((w) => w.message.includes(`"${name}"`)),
          name,
        ).toBe(true);
      }
      checked.push(name);
    }
    expect(checked.length).toBe(BLOCK_CATALOGUE.length - 2);
  });

  it('adds exactly the return_fields, by name and declared type, and says they are simulated', async () => {
    const returnFields = {
      company_revenue: { type: 'float', description: 'Annual revenue' },
      employee_count: { type: 'int', description: 'Employees' },
      is_b2b: { type: 'bool', description: 'Sells to businesses' },
      tech_stack: { type: 'list[str]', description: 'Technologies' },
      office_floors: { type: 'list[int]', description: 'Floors' },
      funding: { type: 'dict', description: 'Funding rounds' },
      ceo_name: { type: 'str', description: 'Name of the CEO' },
    };
    const { jobId, rows } = await runRows(
      chain({ dataframe_type: 'COMPANY' }, [
        { block_name: 'company_enrichment', specs: { return_fields: returnFields } },
      ]),
      COMPANIES,
    );
    const types = {
      company_revenue: (v: unknown) => typeof v === 'number',
      employee_count: (v: unknown) => Number.isInteger(v),
      is_b2b: (v: unknown) => typeof v === 'boolean',
      tech_stack: (v: unknown) => Array.isArray(v) && v.every((item) => typeof item === 'string'),
      office_floors: (v: unknown) => Array.isArray(v) && v.every((item) => Number.isInteger(item)),
      funding: (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v),
      ceo_name: (v: unknown) => typeof v === 'string' && v !== '',
    };
    for (const [index, row] of rows.entries()) {
      expect(Object.keys(row)).toEqual([
        ...Object.keys(COMPANIES[index] ?? {}),
        ...Object.keys(returnFields),
        '_simulated',
      ]);
      for (const [column, check] of Object.entries(types))
        expect(check(row[column]), column).toBe(true);
    }
    const warnings = (await runOf(jobId))?.metrics?.warnings ?? [];
    expect(warnings.map((w) => w.column)).toEqual(
      expect.arrayContaining(Object.keys(returnFields)),
    );
  });

  it('runs filter with all eleven operators and and/or logic', async () => {
    const cases: [Record<string, unknown>[], string[]][] = [
      [
        [{ column: 'company_name', operator: 'equals', value: 'Analytical' }],
        ['Ada Lovelace', 'Grace Hopper'],
      ],
      [[{ column: 'company_name', operator: 'not_equals', value: 'Analytical' }], ['Alan Turing']],
      [[{ column: 'full_name', operator: 'contains', value: 'TURING' }], ['Alan Turing']],
      [[{ column: 'full_name', operator: 'not_contains', value: 'a' }], []],
      [[{ column: 'age', operator: 'greater', value: 40 }], ['Alan Turing', 'Grace Hopper']],
      [[{ column: 'age', operator: 'less', value: '40' }], ['Ada Lovelace']],
      [[{ column: 'age', operator: 'in', value: [36, 85] }], ['Ada Lovelace', 'Grace Hopper']],
      [[{ column: 'company_name', operator: 'not_in', value: ['Analytical'] }], ['Alan Turing']],
      [
        [{ column: 'title', operator: 'is_empty' }],
        ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'],
      ],
      [
        [{ column: 'full_name', operator: 'is_not_empty' }],
        ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'],
      ],
      [
        [{ column: 'full_name', operator: 'matches', value: '^A\\w+ [LT]' }],
        ['Ada Lovelace', 'Alan Turing'],
      ],
      [
        [
          { column: 'age', operator: 'greater', value: 80 },
          { column: 'full_name', operator: 'equals', value: 'Alan Turing', logic: 'or' },
        ],
        ['Alan Turing', 'Grace Hopper'],
      ],
      [
        [
          { column: 'company_name', operator: 'equals', value: 'Analytical' },
          { column: 'age', operator: 'less', value: 50, logic: 'and' },
        ],
        ['Ada Lovelace'],
      ],
    ];
    for (const [filters, expected] of cases) {
      const { rows } = await runRows(
        chain({}, [{ block_name: 'filter', specs: { filters } }]),
        LEADS,
      );
      expect(
        rows.map((row) => row.full_name),
        JSON.stringify(filters),
      ).toEqual(expected);
    }
  });

  it('keeps reading the single {column, operator, value} filter Inlet wrote before', async () => {
    const { rows } = await runRows(
      chain({}, [{ block_name: 'filter', specs: { column: 'age', operator: 'gt', value: 40 } }]),
      LEADS,
    );
    expect(rows.map((row) => row.full_name)).toEqual(['Alan Turing', 'Grace Hopper']);
  });

  it('refuses an invalid or catastrophic regular expression at save with 422', async () => {
    for (const [pattern, words] of [
      ['(unclosed', 'invalid'],
      ['(a+)+$', 'exponential'],
      ['(\\w+\\s?)*x', 'exponential'],
    ] as const) {
      const response = await create(
        chain({}, [
          {
            block_name: 'filter',
            specs: { filters: [{ column: 'x', operator: 'matches', value: pattern }] },
          },
        ]),
      );
      expect(response.statusCode, pattern).toBe(422);
      expect(issuesSchema.parse(json(response)).detail[0]?.msg).toContain(words);
    }
  });

  it('deduplicates whole rows with {} and by columns when given', async () => {
    const rows = [LEADS[0], LEADS[0], { ...LEADS[0], age: 37 }];
    const whole = await runRows(chain({}, [{ block_name: 'deduplicate', specs: {} }]), rows);
    expect(whole.rows).toEqual([LEADS[0], { ...LEADS[0], age: 37 }]);
    const byName = await runRows(
      chain({}, [{ block_name: 'deduplicate', specs: { columns: ['company_name'] } }]),
      LEADS,
    );
    expect(byName.rows.map((row) => row.full_name)).toEqual(['Ada Lovelace', 'Alan Turing']);
  });

  // Sixtyfour's OpenAPI: "Workflows starting with read_csv cannot be triggered via API"; the
  // other sources find their own rows, simulated in the sandbox (contract, "Revision of
  // 2026-12-02": every block of the catalogue runs in a sandbox run).
  it('runs a search or read_notebook source without webhook_payload; read_csv never', async () => {
    const startingWith = (
      block_name: string,
      specs: Record<string, unknown>,
      next: TestBlock[],
    ) => {
      const all = [{ block_name, specs }, ...next].map((block, index) => ({
        block_id: `s${index + 1}`,
        sequence_number: index + 1,
        block_type: block.block_name,
        block_name: block.block_name,
        specs: block.specs ?? {},
      }));
      return {
        workflow_name: block_name,
        workflow_description: '',
        workflow_definition: {
          blocks: all,
          edges: all.slice(1).map((block, index) => ({
            from_block_id: `s${index + 1}`,
            to_block_id: block.block_id,
          })),
        },
      };
    };
    const run = (id: string, body: unknown) =>
      t.call({
        method: 'POST',
        url: `/workflows/run?workflow_id=${id}`,
        payload: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
        contract: '/workflows/run',
      });

    const search = { query: 'CTOs in Berlin', dataframe_type: 'LEAD', max_results: 3 };
    const searchId = await created(
      startingWith('search', search, [
        { block_name: 'find_email', specs: { mode: 'PROFESSIONAL' } },
      ]),
    );
    const first = await startRun(t, searchId, {});
    expect(await waitForTerminal(t, first)).toBe('completed');
    const rows = await results(first);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({ _simulated: true });
      expect(typeof row.full_name).toBe('string');
      expect(typeof row.email).toBe('string');
    }
    const again = await startRun(t, searchId, {});
    expect(await waitForTerminal(t, again)).toBe('completed');
    expect(await results(again), 'the same specs find the same rows').toEqual(rows);
    const warnings = (await runOf(first))?.metrics?.warnings ?? [];
    expect(warnings.some((w) => w.message.includes('"search"'))).toBe(true);

    const withPayload = await run(searchId, { webhook_payload: LEADS });
    expect(withPayload.statusCode).toBe(400);
    expect(detailSchema.parse(json(withPayload)).detail).toContain('webhook_payload');

    const notebookId = await created(
      startingWith('read_notebook', { notebook_id: 'nb_1', dataframe_type: 'COMPANY' }, [
        { block_name: 'company_enrichment' },
      ]),
    );
    const notebookRun = await startRun(t, notebookId, { webhook_payload: null });
    expect(await waitForTerminal(t, notebookRun)).toBe('completed');
    const companies = await results(notebookRun);
    expect(companies.length).toBeGreaterThan(0);
    for (const row of companies) expect(typeof row.company_name).toBe('string');

    const csvId = await created(startingWith('read_csv', {}, []));
    const csv = await run(csvId, {});
    expect(csv.statusCode).toBe(400);
    expect(detailSchema.parse(json(csv)).detail).toContain('switch its source to a webhook block');
  });

  it('changes the row type and the rows with company_to_leads and leads_to_company', async () => {
    const leads = await runRows(
      chain({ dataframe_type: 'COMPANY' }, [
        { block_name: 'company_to_leads', specs: {} },
        { block_name: 'find_email', specs: { mode: 'PROFESSIONAL' } },
      ]),
      COMPANIES,
    );
    expect(leads.rows.length).toBeGreaterThanOrEqual(COMPANIES.length);
    for (const row of leads.rows) {
      expect(simulatedLead.safeParse(row).error).toBeUndefined();
      expect(String(row.email)).toMatch(/@(acme|globex)\.com$/);
    }
    const companies = await runRows(
      chain({ dataframe_type: 'LEAD' }, [
        { block_name: 'leads_to_company' },
        { block_name: 'company_enrichment', specs: { return_fields: { hq: { type: 'str' } } } },
      ]),
      LEADS,
    );
    expect(companies.rows.map((row) => [row.company_name, row.lead_count])).toEqual([
      ['Analytical', 2],
      ['Bletchley', 1],
    ]);
  });

  it('refuses a real row-type mismatch, naming both blocks and company_to_leads', async () => {
    const response = await create(
      chain({}, [{ block_name: 'company_enrichment' }, { block_name: 'find_email' }]),
    );
    expect(response.statusCode).toBe(422);
    const message = issuesSchema.parse(json(response)).detail[0]?.msg ?? '';
    expect(message).toContain('"find_email"');
    expect(message).toContain('"company_enrichment"');
    expect(message).toContain('company_to_leads');
  });

  it('round-trips each documented spec shape through create and get, aliases and block_type as sent', async () => {
    const blocks: TestBlock[] = [
      {
        block_name: 'enrich_lead',
        block_type: 'enrichment',
        specs: { return_fields: { bio: { type: 'str', description: 'Bio' } }, extra_key: [1] },
      },
      { block_name: 'find_email', specs: { mode: 'PROFESSIONAL' } },
      {
        block_name: 'filter',
        specs: { filters: [{ column: 'email', operator: 'is_not_empty', logic: 'and' }] },
      },
      { block_name: 'deduplicate', specs: {} },
      {
        block_name: 'append_to_notebook',
        specs: { notebook_id: '__create_new__', notebook_name: 'Leads' },
      },
    ];
    const definition = chain({}, blocks);
    const id = await created(definition);
    const got = await t.call({ url: `/workflows/${id}`, contract: '/workflows/{workflow_id}' });
    const saved = workflowSchema.parse(json(got)).workflow_definition.blocks;
    expect(
      saved.map(({ block_name, block_type, specs }) => ({ block_name, block_type, specs })),
    ).toEqual(
      definition.workflow_definition.blocks.map(({ block_name, block_type, specs }) => ({
        block_name,
        block_type,
        specs,
      })),
    );
    const jobId = await startRun(t, id, { webhook_payload: LEADS });
    expect(await waitForTerminal(t, jobId)).toBe('completed');
    const rows = await results(jobId);
    expect(rows).toHaveLength(3);
    for (const row of rows)
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['bio', 'email']));
    for (const source of [
      {
        block_name: 'search',
        specs: {
          query: 'CTOs in Berlin',
          dataframe_type: 'LEAD',
          max_results: 50,
          auto_execute: true,
        },
      },
      { block_name: 'read_notebook', specs: { notebook_id: 'nb_1' } },
    ]) {
      const one = {
        workflow_name: source.block_name,
        workflow_description: '',
        workflow_definition: {
          blocks: [{ block_id: 's', sequence_number: 1, block_type: source.block_name, ...source }],
          edges: [],
        },
      };
      const sourceId = await created(one);
      const back = await t.call({ url: `/workflows/${sourceId}` });
      expect(workflowSchema.parse(json(back)).workflow_definition.blocks[0]?.specs).toEqual(
        source.specs,
      );
    }
  });

  it("creates, runs and downloads the CSV of a workflow built as Sixtyfour's examples build it", async () => {
    const definition = chain({}, [
      {
        block_name: 'lead_enrichment',
        specs: {
          return_fields: {
            title: { type: 'str', description: 'Current job title' },
            seniority_years: { type: 'int', description: 'Years in role' },
            skills: { type: 'list[str]', description: 'Skills' },
          },
        },
      },
      { block_name: 'find_email', specs: { mode: 'PROFESSIONAL' } },
      {
        block_name: 'append_to_notebook',
        specs: { notebook_id: '__create_new__', notebook_name: 'Leads' },
      },
    ]);
    const id = await created(definition);
    const jobId = await startRun(t, id, { webhook_payload: LEADS });
    expect(await waitForTerminal(t, jobId)).toBe('completed');
    const links = await t.call({
      url: `/workflows/runs/${jobId}/results/download-links?format=csv`,
      contract: '/workflows/runs/{run_id}/results/download-links',
    });
    const url = new URL(linksSchema.parse(json(links))[0]?.download_url ?? '');
    const file = await t.app.inject({ url: url.pathname + url.search });
    expect(file.statusCode).toBe(200);
    const csv = Papa.parse<Record<string, string>>(file.body.trim(), { header: true });
    expect(csv.meta.fields).toEqual([
      ...Object.keys(LEADS[0] ?? {}),
      'title',
      'seniority_years',
      'skills',
      '_simulated',
      'email',
    ]);
    expect(csv.data.map((row) => row.full_name)).toEqual(LEADS.map((lead) => lead.full_name));
    for (const row of csv.data) {
      expect(row.email).toMatch(/^[a-z.]+@[a-z.]+$/);
      expect(row.seniority_years).toMatch(/^\d+$/);
      expect(row._simulated).toBe('true');
    }
    const warnings = (await runOf(jobId))?.metrics?.warnings ?? [];
    expect(warnings.some((w) => w.message.includes('dataframe_type'))).toBe(true);
  });
});
