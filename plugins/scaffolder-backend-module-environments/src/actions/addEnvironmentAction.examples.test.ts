import yaml from 'yaml';
import { renderWorkspaceOverlays } from '../__testUtils__/renderWorkspaceOverlays';
import { runCreate } from './__testUtils__/runCreate';
import { addEnvironmentAction } from './addEnvironmentAction';
import { examples } from './addEnvironmentAction.examples';
import { rawInputContext } from '../__testUtils__/rawInputContext';

describe('stageline:environments:add examples', () => {
  it.each(examples.map((example, i) => [i, example.description]))(
    'runs documented example %i (%s) against a created layout',
    async index => {
      const input = yaml.parse(examples[index as number].example).steps[0]
        .input;
      const { dir } = await runCreate({
        name: input.name,
        owner: input.owner,
        image: input.image,
      });
      const ctx = rawInputContext({ workspacePath: dir.path, input });
      await addEnvironmentAction().handler(ctx);
      const rendered = await renderWorkspaceOverlays(dir.path);
      expect(rendered[input.environment].length).toBeGreaterThan(0);
      expect(ctx.output).toHaveBeenCalledWith(
        'summary',
        expect.objectContaining({ environments: [input.environment] }),
      );
    },
  );
});
