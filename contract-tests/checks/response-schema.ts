/**
 * response_schema_conformance: each body validates against the schema documented for its status, each error at
 * its JSON pointer with its provenance's severity (severity.ts); an error-body difference is said once for all
 * operations that share it, and ids shaped unlike the samples warn once per id field.
 */
import { idShapeDifferences } from '../id-shapes.js';
import { describeErrors, validatorAt } from '../spec.js';
import type { OperationId } from '../spec.js';
import type { Exchange, Severity } from '../types.js';
import { severity } from '../severity.js';
import type { Check } from '../context.js';
import { fieldOf, label, specFor, verdict, type Finding } from './verdict.js';

export const responseSchemaConformance: Check = async (ctx) => {
  const { exchanges } = await ctx.corpus();
  const groups = new Map<
    string,
    { field: string; severity: Severity; operation: OperationId; probes: string[]; exchanges: Exchange[]; statuses: Set<string> }
  >();
  const add = (key: string, field: string, x: Exchange, severity: Severity) => {
    const group = groups.get(key) ?? { field, severity, operation: x.operation, probes: [], exchanges: [], statuses: new Set() };
    group.probes.push(label(x));
    group.exchanges.push(x);
    group.statuses.add(`${x.operation} ${x.response?.status}`);
    groups.set(key, group);
  };
  const shapes = new Map<string, IdShape>();
  let judged = 0;
  for (const x of exchanges) {
    const { judgedResponse, provenance } = specFor(x);
    const documented = x.response && judgedResponse(x.response.status);
    const schemaPointer =
      documented && documented.response.content?.['application/json']?.schema && `${documented.pointer}/content/application~1json/schema`;
    if (!x.response || !schemaPointer) continue;
    judged++;
    const status = documented.status;
    if (x.response.jsonError) {
      const unreadable = severity(
        status >= 200 && status < 300 ? { about: 'unreadable-success' } : { about: 'body', status, keyword: 'type', path: '' },
        provenance,
      );
      add(
        `${fieldOf(x, '(body)')}: status ${x.response.status} body is not JSON (${x.response.overCap ?? x.response.jsonError})`,
        fieldOf(x, '(body)'),
        x,
        unreadable,
      );
      continue;
    }
    if (status < 300) noteIdShapes(shapes, x, documented.response.content['application/json'].schema);
    const validate = validatorAt(schemaPointer);
    if (validate(x.response.json)) continue;
    for (const e of describeErrors(validate.errors)) {
      const rule = severity({ about: 'body', status, keyword: e.keyword, path: e.path }, provenance);
      // an error body's difference is the envelope's, whatever the operation: grouped across them
      if (status >= 400) add(`error answers ${e.path}: ${e.message} (${rule})`, fieldOf(x, e.path), x, rule);
      else add(`${fieldOf(x, e.path)}: ${e.message} (status ${x.response.status})`, fieldOf(x, e.path), x, rule);
    }
  }
  const findings: Finding[] = [...groups].map(([key, g]) => ({
    message: `${key.startsWith('error answers') ? `${key.replace(/ \((breaking|warning)\)$/, '')} (${[...g.statuses].join(', ')})` : key}, in ${g.probes.length} answer(s): ${g.probes.slice(0, 3).join('; ')}${g.probes.length > 3 ? '; ...' : ''}`,
    pointer: g.field,
    operation: g.operation,
    severity: g.severity,
    exchanges: g.exchanges,
  }));
  findings.push(...idShapeFindings(shapes));
  return verdict('response_schema_conformance', {
    findings,
    ran: judged > 0,
    passed: [`${judged} bodies valid against the schema documented for their status`],
  });
};

/** Ids shaped unlike the samples: said once per id field (TaskId, CaseId), with where and in which answers it was seen. */
interface IdShape {
  field: string;
  operation: OperationId;
  value: string;
  sample: string;
  where: Set<string>;
  probes: string[];
  exchanges: Exchange[];
}

function noteIdShapes(shapes: Map<string, IdShape>, x: Exchange, schema: Parameters<typeof idShapeDifferences>[1]): void {
  for (const d of idShapeDifferences(x.response!.json, schema)) {
    const shape = shapes.get(d.idField) ?? {
      field: fieldOf(x, d.path),
      operation: x.operation,
      value: d.value,
      sample: d.sample,
      where: new Set(),
      probes: [],
      exchanges: [],
    };
    shape.where.add(fieldOf(x, d.path.replace(/\/\d+\//g, '/*/')));
    if (!shape.probes.includes(label(x))) {
      shape.probes.push(label(x));
      shape.exchanges.push(x);
    }
    shapes.set(d.idField, shape);
  }
}

function idShapeFindings(shapes: Map<string, IdShape>): Finding[] {
  return [...shapes].map(([idField, s]) => ({
    message: `${idField}: ids in characters the samples do not use, e.g. ${JSON.stringify(s.value)} (samples: ${s.sample}); ids are opaque, a client that parses their shape would break; at ${[...s.where].join(', ')}, in ${s.probes.length} answer(s)`,
    pointer: s.field,
    operation: s.operation,
    severity: severity({ about: 'id-shape' }),
    exchanges: s.exchanges,
  }));
}
