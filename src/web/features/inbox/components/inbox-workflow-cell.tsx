/**
 * The workflow a recorded request went to: its name, with the id it was sent to beneath (the
 * id alone when it names no workflow, or none was sent).
 */
export function InboxWorkflowCell({ id, name }: { id: string | null; name: string | null }) {
  if (id === null) return <span className="inbox__mono">—</span>;
  if (name === null) return <span className="inbox__mono">{id}</span>;
  return (
    <>
      <span className="inbox__workflow-name">{name}</span>{' '}
      <span className="inbox__mono inbox__workflow-id" title={`Workflow id ${id}`}>
        {id}
      </span>
    </>
  );
}
