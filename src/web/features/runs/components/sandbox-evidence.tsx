import type { WorkflowResponse } from '@core/wire/workflow.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { ChangeImpactPanel } from './change-impact-panel.tsx';
import { DeliveriesPanel } from './deliveries-panel.tsx';

export type SandboxEvidenceProps = {
  connection: Connection;
  workflow: WorkflowResponse;
  /** The open workflow's webhook specs as stored; undefined when it has no webhook block. */
  savedSpecs: Record<string, unknown> | undefined;
  /** The specs a change would make (the form's, or stored + override); undefined: no change. */
  changedSpecs: Record<string, unknown> | undefined;
  changeLabel: string;
  payloadText: string;
  onOpenRun: (runId: string) => void;
};

/**
 * What only the sandbox knows about a workflow: the deliveries its outgoing_webhook blocks
 * made to Inlet's receiver, and (when the spec is being changed) the change's impact on the
 * requests it recorded.
 */
export function SandboxEvidence({
  connection,
  workflow,
  savedSpecs,
  changedSpecs,
  changeLabel,
  payloadText,
  onOpenRun,
}: SandboxEvidenceProps) {
  return (
    <>
      <DeliveriesPanel connection={connection} workflowId={workflow.id} onOpenRun={onOpenRun} />
      {savedSpecs && changedSpecs && (
        <ChangeImpactPanel
          connection={connection}
          target="sandbox"
          workflowId={workflow.id}
          workflowName={workflow.name}
          before={savedSpecs}
          after={changedSpecs}
          changeLabel={changeLabel}
          sampleText={payloadText}
        />
      )}
    </>
  );
}
