import { createMockDirectory } from '@backstage/backend-test-utils';
import yaml from 'yaml';
import { renderWorkspaceOverlays } from '../__testUtils__/renderWorkspaceOverlays';
import { runPlatform } from './__testUtils__/runPlatform';
import { examples } from './platformEnvironmentsAction.examples';

describe('stageline:environments:platform examples', () => {
  it.each(examples.map((example, i) => [i, example.description]))(
    'runs documented example %i (%s)',
    async index => {
      const input = yaml.parse(examples[index as number].example).steps[0]
        .input;
      const dir = createMockDirectory();
      await runPlatform(dir.path, input);
      const rendered = await renderWorkspaceOverlays(
        dir.path,
        input.path ?? 'platform/environments',
      );
      expect(Object.keys(rendered).sort()).toEqual(
        [...(input.environments ?? ['qa', 'staging', 'production'])].sort(),
      );
    },
  );
});
