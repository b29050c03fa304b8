/** content_type_conformance: each answer's Content-Type is a media type documented for its status. */
import { documentedResponse } from '../spec.js';
import type { Check } from '../context.js';
import { label, verdict, type Finding } from './verdict.js';

const mediaType = (header: string | undefined) => (header ?? '').split(';')[0]!.trim().toLowerCase();

export const contentTypeConformance: Check = async (ctx) => {
  const { exchanges } = await ctx.corpus();
  const failures: Finding[] = [];
  let judged = 0;
  const notJudged = new Set<number>();
  for (const x of exchanges) {
    if (!x.response) continue;
    const documented = documentedResponse(x.response.status);
    if (!documented) {
      notJudged.add(x.response.status);
      continue;
    }
    judged++;
    const allowed = Object.keys(documented.response.content ?? {});
    const actual = mediaType(x.response.headers['content-type']);
    if (allowed.length === 0 && x.response.text === '') continue;
    if (!allowed.includes(actual)) {
      failures.push({
        text: `${label(x)}: status ${x.response.status} has Content-Type "${x.response.headers['content-type'] ?? '(none)'}", documented: ${allowed.join(', ') || 'no body'}`,
        field: 'Content-Type',
      });
    }
  }
  return verdict('content_type_conformance', {
    failures,
    ran: judged > 0,
    passed: [`${judged} answers carry a documented media type${notJudged.size ? ` (statuses without documentation not judged here: ${[...notJudged].join(', ')})` : ''}`],
  });
};
