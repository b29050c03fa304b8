/**
 * content_type_conformance: each answer's Content-Type is a media type documented for its status. Another
 * Content-Type on a body that still parses as JSON is a warning (headers other than auth/accountId are inferred);
 * a 2xx body a JSON client cannot read is breaking.
 */
import { severity } from '../severity.js';
import type { Check } from '../context.js';
import { about, fieldOf, specFor, verdict, type Finding } from './verdict.js';

const mediaType = (header: string | undefined) => (header ?? '').split(';')[0]!.trim().toLowerCase();

export const contentTypeConformance: Check = async (ctx) => {
  const { exchanges } = await ctx.corpus();
  const findings: Finding[] = [];
  let judged = 0;
  const notJudged = new Set<number>();
  for (const x of exchanges) {
    if (!x.response) continue;
    const documented = specFor(x).judgedResponse(x.response.status);
    if (!documented) {
      notJudged.add(x.response.status);
      continue;
    }
    judged++;
    const allowed = Object.keys(documented.response.content ?? {});
    const actual = mediaType(x.response.headers['content-type']);
    if (allowed.length === 0 && x.response.text === '') continue;
    if (!allowed.includes(actual)) {
      const unreadable = x.response.json === undefined && x.response.status >= 200 && x.response.status < 300;
      const message = `status ${x.response.status} has Content-Type "${x.response.headers['content-type'] ?? '(none)'}", documented: ${allowed.join(', ') || 'no body'}${unreadable ? ', and its body is not JSON' : ''}`;
      findings.push(
        about(x, fieldOf(x, 'Content-Type'), message, severity(unreadable ? { about: 'unreadable-success' } : { about: 'rule', rule: 'inferred' })),
      );
    }
  }
  return verdict('content_type_conformance', {
    findings,
    ran: judged > 0,
    passed: [
      `${judged} answers carry a documented media type${notJudged.size ? ` (statuses without documentation not judged here: ${[...notJudged].join(', ')})` : ''}`,
    ],
  });
};
