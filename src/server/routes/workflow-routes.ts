import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { BLOCK_CATALOGUE } from '@core/workflow/block-catalogue.ts';
import {
  createWorkflowRequestSchema,
  listWorkflowsQuerySchema,
  TOTAL_COUNT_HEADER,
  UNREADABLE_ROWS_HEADER,
  updateWorkflowRequestSchema,
  workflowIdQuerySchema,
  type BlockInfoResponse,
  type WorkflowGraph,
  type WorkflowResponse,
} from '@core/wire/workflow.ts';
import { canonicalWorkflowId, workflowIdSchema } from '@core/wire/workflow-id.ts';
import { clip, detailError, parseOr422, validationError } from '../http/http-error.ts';
import { nowIso } from '../store/timestamps.ts';
import {
  toWorkflowResponse,
  type StoredWorkflow,
  type WorkflowStore,
} from '../store/workflow-store.ts';
import { checkWorkflowGraph } from '../workflows/check-workflow-graph.ts';

const workflowParamsSchema = z.object({ workflow_id: workflowIdSchema });

/** A workflow needs a block to be a workflow (contract, "Revision of 2026-12-02": 422). */
function checkHasBlocks(graph: WorkflowGraph): void {
  if (graph.blocks.length > 0) return;
  throw validationError([
    {
      loc: ['body', 'workflow_definition', 'blocks'],
      msg: 'A workflow needs at least one block; add a webhook block as its source.',
      type: 'too_short',
    },
  ]);
}

/** Lifecycle fields the sandbox reports for every stored workflow. */
const SAVED = { status: 'ready', step: 'review' } as const;

const notFound = (id: string) => detailError(404, `Workflow ${clip(id)} not found`);

/** The block catalogue as `GET /workflows/blocks` describes it. */
export const blockInfos = (): BlockInfoResponse[] =>
  BLOCK_CATALOGUE.map((definition) => ({
    block_name: definition.block_name,
    specs_schema: definition.jsonSchema(),
    block_type: definition.block_type,
    description: definition.description,
    input_row_type: definition.input,
    sandbox: definition.sandbox,
  }));

/** Workflow CRUD and the block catalogue (contract, "Endpoints"). */
export function registerWorkflowRoutes(app: FastifyInstance, workflows: WorkflowStore): void {
  const blocks = blockInfos();

  app.get('/workflows', (request, reply): WorkflowResponse[] => {
    const query = parseOr422(listWorkflowsQuerySchema, request.query, ['query']);
    const page = workflows.list({
      ...(query.limit === undefined ? {} : { limit: query.limit }),
      ...(query.offset === undefined ? {} : { offset: query.offset }),
      ...(query.q === undefined ? {} : { q: query.q }),
    });
    void reply.header(TOTAL_COUNT_HEADER, String(page.total));
    if (page.unreadable.length > 0) {
      request.log.warn(
        { unreadable: page.unreadable.slice(0, 20) },
        `GET /workflows left out ${page.unreadable.length} workflow rows that could not be read`,
      );
      void reply.header(UNREADABLE_ROWS_HEADER, String(page.unreadable.length));
    }
    return page.workflows.map((workflow) => toWorkflowResponse(workflow));
  });

  app.get('/workflows/blocks', (): BlockInfoResponse[] => blocks);

  app.get('/workflows/:workflow_id', (request): WorkflowResponse => {
    const { workflow_id } = parseOr422(workflowParamsSchema, request.params, ['path']);
    const workflow = workflows.get(canonicalWorkflowId(workflow_id));
    if (!workflow) throw notFound(workflow_id);
    return toWorkflowResponse(workflow);
  });

  app.post('/workflows/create_workflow', (request): WorkflowResponse => {
    const body = parseOr422(createWorkflowRequestSchema, request.body, ['body']);
    checkHasBlocks(body.workflow_definition);
    const workflowId = canonicalWorkflowId(body.id ?? randomUUID());
    if (workflows.get(workflowId)) {
      throw detailError(
        409,
        `A workflow with id ${clip(workflowId)} already exists; update it (POST /workflows/update_workflow?workflow_id=…) or choose another id.`,
      );
    }
    const now = nowIso();
    const workflow: StoredWorkflow = {
      id: workflowId,
      name: body.workflow_name,
      description: body.workflow_description,
      ...SAVED,
      definition: checkWorkflowGraph(workflowId, body.workflow_definition),
      created_at: now,
      updated_at: now,
      last_run_date: null,
    };
    workflows.save(workflow);
    return toWorkflowResponse(workflow);
  });

  // An upsert and a partial update: what the body leaves out (or sends as null) stays.
  app.post('/workflows/update_workflow', (request): WorkflowResponse => {
    const { workflow_id } = parseOr422(workflowIdQuerySchema, request.query, ['query']);
    const body = parseOr422(updateWorkflowRequestSchema, request.body ?? {}, ['body']);
    const id = canonicalWorkflowId(workflow_id);
    const existing = workflows.get(id);
    const now = nowIso();
    if (body.workflow_definition) checkHasBlocks(body.workflow_definition);
    const graph = body.workflow_definition ?? existing?.definition;
    if (!graph) {
      throw detailError(
        404,
        `Workflow ${clip(id)} not found; to create it with this id, send a workflow_definition.`,
      );
    }
    const workflow: StoredWorkflow = {
      id,
      name: body.workflow_name ?? existing?.name ?? 'Untitled Workflow',
      description: body.workflow_description ?? existing?.description ?? null,
      ...SAVED,
      definition: body.workflow_definition
        ? checkWorkflowGraph(id, body.workflow_definition)
        : graph,
      created_at: existing?.created_at ?? now,
      updated_at: now,
      last_run_date: existing?.last_run_date ?? null,
    };
    workflows.save(workflow);
    return toWorkflowResponse(workflow);
  });

  app.post('/workflows/delete_workflow', (request): WorkflowResponse => {
    const { workflow_id } = parseOr422(workflowIdQuerySchema, request.query, ['query']);
    const id = canonicalWorkflowId(workflow_id);
    const workflow = workflows.get(id);
    if (!workflow) throw notFound(workflow_id);
    workflows.delete(id);
    return toWorkflowResponse(workflow);
  });
}
