import { lintWorkflow } from './lintWorkflow';

const CLEAN = `name: Deploy
on:
  workflow_dispatch:
    inputs:
      environment:
        required: true
        type: string
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - env:
          ENVIRONMENT: \${{ inputs.environment }}
        run: echo "$ENVIRONMENT"
`;

describe('lintWorkflow', () => {
  it('passes a clean workflow', async () => {
    expect(await lintWorkflow(CLEAN, 'clean.yaml')).toEqual([]);
  });

  it('fails a workflow that does not parse', async () => {
    const problems = await lintWorkflow('on: [push\njobs: {}\n', 'broken.yaml');
    expect(problems.join('\n')).toMatch(/^broken.yaml:\d+:\d+: .*\[yaml\]/);
  });

  it('fails a workflow that reads an input it does not declare', async () => {
    const text = CLEAN.replace('inputs.environment', 'inputs.target');
    expect((await lintWorkflow(text, 'undefined.yaml')).join('\n')).toMatch(
      /property "target" is not defined/,
    );
  });

  it('fails a workflow with a misspelt key, and keeps working after a failure', async () => {
    const text = CLEAN.replace('runs-on', 'run-on');
    expect((await lintWorkflow(text, 'typo.yaml')).join('\n')).toMatch(
      /unexpected key "run-on"/,
    );
    expect(await lintWorkflow(CLEAN, 'clean.yaml')).toEqual([]);
  });
});
