import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { BLOCK_CATALOGUE } from '../../core/workflow/block-catalogue.ts';
import {
  createWorkflowRequestSchema,
  updateWorkflowRequestSchema,
  workflowIdQuerySchema,
  type BlockInfoResponse,
  type WorkflowResponse,
} from '../../core/wire/workflow.ts';
import { detailError, parseOr422 } from '../http/http-error.ts';
import { nowIso } from '../store/timestamps.ts';
import {
  toWorkflowResponse,
  type StoredWorkflow,
  type WorkflowStore,
} from '../store/workflow-store.ts';
import { checkWorkflowGraph } from '../workflows/check-workflow-graph.ts';
import { isUuid } from '../workflows/normalize-block-ids.ts';

const workflowParamsSchema = z.object({
  workflow_id: z.uuid({ error: 'Input should be a valid UUID' }),
});

/** Lifecycle fields the sandbox reports for every stored workflow. */
const SAVED = { status: 'ready', step: 'review' } as const;

const notFound = (id: string) => detailError(404, `Workflow ${id} not found`);

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

  app.get('/workflows', (): WorkflowResponse[] =>
    workflows.list().map((workflow) => toWorkflowResponse(workflow, false)),
  );

  app.get('/workflows/blocks', (): BlockInfoResponse[] => blocks);

  app.get('/workflows/:workflow_id', (request): WorkflowResponse => {
    const { workflow_id } = parseOr422(workflowParamsSchema, request.params, ['path']);
    const workflow = workflows.get(workflow_id.toLowerCase());
    if (!workflow) throw notFound(workflow_id);
    return toWorkflowResponse(workflow, true);
  });

  app.post('/workflows/create_workflow', (request): WorkflowResponse => {
    const body = parseOr422(createWorkflowRequestSchema, request.body, ['body']);
    const id = body.id ?? randomUUID();
    if (!isUuid(id)) {
      throw detailError(400, `Workflow id "${id}" is not a UUID; leave id out to have one made.`);
    }
    const workflowId = id.toLowerCase();
    if (workflows.get(workflowId)) {
      throw detailError(409, `A workflow with id ${workflowId} already exists; update it instead.`);
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
    return toWorkflowResponse(workflow, true);
  });

  app.post('/workflows/update_workflow', (request): WorkflowResponse => {
    const { workflow_id } = parseOr422(workflowIdQuerySchema, request.query, ['query']);
    const body = parseOr422(updateWorkflowRequestSchema, request.body ?? {}, ['body']);
    if (!isUuid(workflow_id)) throw notFound(workflow_id);
    const id = workflow_id.toLowerCase();
    const existing = workflows.get(id);
    const now = nowIso();
    const graph = body.workflow_definition ?? existing?.definition;
    if (!graph) {
      throw detailError(
        404,
        `Workflow ${id} not found; to create it with this id, send a workflow_definition.`,
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
    return toWorkflowResponse(workflow, true);
  });

  app.post('/workflows/delete_workflow', (request): WorkflowResponse => {
    const { workflow_id } = parseOr422(workflowIdQuerySchema, request.query, ['query']);
    const id = workflow_id.toLowerCase();
    const workflow = isUuid(id) ? workflows.get(id) : undefined;
    if (!workflow) throw notFound(workflow_id);
    workflows.delete(id);
    return toWorkflowResponse(workflow, true);
  });
}
