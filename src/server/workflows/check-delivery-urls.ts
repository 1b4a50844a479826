import type { WorkflowGraph } from '@core/wire/workflow.ts';
import { validationError } from '../http/http-error.ts';
import { refusedLiteralDestination, type SelfAddress } from '../runs/delivery-destination.ts';

/**
 * At save: every outgoing_webhook url is refused (422 at its place) when it carries
 * credentials or plainly names this server's own API or proxy. What needs DNS is checked
 * again at delivery. The url itself is never echoed (it may hold a password).
 */
export function checkDeliveryUrls(graph: WorkflowGraph, self: SelfAddress): void {
  const errors = graph.blocks.flatMap((block, index) => {
    const url = block.block_name === 'outgoing_webhook' ? block.specs.url : undefined;
    if (typeof url !== 'string' || !URL.canParse(url)) return [];
    const problem = refusedLiteralDestination(new URL(url), self);
    return problem === undefined
      ? []
      : [
          {
            loc: ['body', 'workflow_definition', 'blocks', index, 'specs', 'url'],
            msg: problem,
            type: 'value_error',
          },
        ];
  });
  if (errors.length > 0) throw validationError(errors);
}
