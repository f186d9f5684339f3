import { checkoutEnvironments } from './checkoutEnvironments';

/** What the backend reported of an environment's GitOps agent, and of its workloads. */
export type AgentState = {
  /** The agent's sync (`synced`, `out-of-sync`, ...) and the revision it applied, short. */
  agent: string;
  /** The environment's own sync status (`in-sync`, `rolling-out`, ...). */
  sync: string;
};

/** Records an environment's agent states while it runs. */
export type AgentStateRecorder = { stop(): Promise<AgentState[]> };

/**
 * Polls checkout's chain several times a second and notes `env`'s agent state each time it
 * changes: the demo's Argo CD Applications stay out of sync only about 2 s after a commit.
 */
export function recordAgentStates(env: string): AgentStateRecorder {
  const states: AgentState[] = [];
  let running = true;
  const sample = async () => {
    const found = (await checkoutEnvironments()).find(e => e.name === env);
    const agent = found?.agent
      ? `${found.agent.sync} ${found.agent.appliedRevision?.slice(0, 7)}`
      : 'absent';
    const sync = found?.sync.status ?? 'absent';
    const last = states[states.length - 1];
    if (last?.agent !== agent || last?.sync !== sync) {
      states.push({ agent, sync });
    }
  };
  const loop = (async () => {
    while (running) {
      // A failed sample is no state of the environment: the next one counts.
      await sample().catch(() => undefined);
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return states;
    },
  };
}
