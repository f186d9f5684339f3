import { promotionTrailer } from '../writers/PROMOTION_TRAILER';
import type {
  CommitSummary,
  Promotion,
} from '@stageline/plugin-environments-common';
import { formatImageReference } from '@stageline/plugin-environments-common';

/** Title, pull request body and commit message of a promotion's write. */
export function promotionMessages(input: {
  promotion: Promotion;
  service: string;
  commits: CommitSummary[];
}): { title: string; body: string; commitMessage: string } {
  const { promotion, service, commits } = input;
  const version = formatImageReference(promotion.version);
  const verb = promotion.kind === 'rollback' ? 'Roll back' : 'Promote';
  const title = `${verb} ${service} to ${promotion.target}: ${
    promotion.version.tag ?? version
  }`;
  const from = promotion.source ? ` from ${promotion.source}` : '';
  const lines = [
    `${verb} **${service}**${from} to **${promotion.target}**.`,
    '',
    `- Version: \`${version}\``,
    `- Requested by: ${promotion.requestedBy}`,
    ...(promotion.reason ? ['- Reason:', '', quoted(promotion.reason)] : []),
    ...(promotion.approvals.length > 0
      ? [
          `- Approved by: ${promotion.approvals
            .filter(a => a.valid && a.decision === 'approved')
            .map(a => a.user)
            .join(', ')}`,
        ]
      : []),
    '',
    commits.length > 0 ? '### Commits' : '',
    ...commits.map(
      c =>
        `- ${c.sha.slice(0, 7)} ${firstLine(c.message)}${
          c.pullRequest ? ` (#${c.pullRequest.number})` : ''
        }`,
    ),
    '',
    `Stageline promotion \`${promotion.id}\`.`,
  ];
  const commitMessage = [
    title,
    '',
    `Service: ${service}`,
    `Environment: ${promotion.target}`,
    `Version: ${version}`,
    `Requested-by: ${promotion.requestedBy}`,
    ...(promotion.reason ? [`Reason: ${firstLine(promotion.reason)}`] : []),
    '',
    promotionTrailer(promotion.id),
  ].join('\n');
  return { title, body: lines.join('\n'), commitMessage };
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** The first line of text, without control characters: one line cannot add a trailer. */
function firstLine(text: string): string {
  return text.split(/\r?\n/)[0].replace(CONTROL, '').slice(0, 200);
}

/**
 * People's text as a fenced code block, longer than any backtick run inside it: GitHub renders
 * it verbatim, so it cannot mention anyone, embed images or links, or close the block early.
 */
function quoted(text: string): string {
  const clean = text.replace(/\r\n?/g, '\n').replace(CONTROL, '');
  const longestRun = Math.max(
    0,
    ...(clean.match(/`+/g) ?? []).map(run => run.length),
  );
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}text\n${clean}\n${fence}`;
}
