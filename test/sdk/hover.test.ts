/**
 * What an editor shows on hover, asked of the TypeScript language service (the engine behind VS Code's tooltips):
 * the SDK's types must appear by name (`Task`), not expanded into `{ _id: components["schemas"]["TaskId"]; … }`.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
// a file as an application would write it; each /*?*/ marks a name whose hover is read
const probe = join(root, 'test/sdk/hover-probe.ts');
const source = `
import { createKoreClient, type APIError, type CreateCaseRequest, type CreateTaskRequest, type GetTasksRequest } from '../../src/index.js';
declare const body: CreateTaskRequest;
declare const caseBody: CreateCaseRequest;
declare const filter: GetTasksRequest;
const /*?*/kore = createKoreClient({ streamId: 'st-1', jwt: 'a.b.c' });
const /*?*/task = await kore.createTask(body);
const /*?*/result = await kore.createTaskWithResponse(body);
const { /*?*/data } = result;
const /*?*/userInfo = body.userInfo;
kore./*?*/createTask;
declare const /*?*/error: APIError;
const /*?*/envelope = error.envelope;
const /*?*/created = await kore.createCase(caseBody);
const /*?*/cases = await kore.getCases();
const /*?*/tasks = await kore.getTasks(filter);
const /*?*/updated = await kore.updateTask('ti-1', { name: 'n' });
const /*?*/updatedCase = await kore.updateCaseWithResponse('ci-1', { name: 'n' });
for await (const /*?*/item of kore.getTasks.all(filter)) void item;
kore./*?*/getCases;
kore./*?*/updateTask;
export { task, data, userInfo, envelope, created, cases, tasks, updated, updatedCase };
`;

function hovers(): string[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    types: ['node'],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    resolveJsonModule: true,
  };
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [probe],
    getScriptVersion: () => '1',
    getScriptSnapshot: (f) => ts.ScriptSnapshot.fromString(f == probe ? source : (ts.sys.readFile(f) ?? '')),
    getCurrentDirectory: () => root,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => f == probe || ts.sys.fileExists(f),
    readFile: (f) => (f == probe ? source : ts.sys.readFile(f)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host);
  // quick info is given even for code that does not compile: the probe and the types it reads must compile
  const errors = [probe, join(root, 'src/types.ts')].flatMap((f) => service.getSemanticDiagnostics(f));
  expect(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  const marks = [...source.matchAll(/\/\*\?\*\//g)].map((m) => m.index! + m[0].length);
  return marks.map((at) => ts.displayPartsToString(service.getQuickInfoAtPosition(probe, at)?.displayParts));
}

describe('editor hovers name the SDK types', () => {
  it("the language service shows KoreClient, Task, WithResponse<Task>, CreateTaskUserInfo, CreateTaskRequest, ErrorEnvelope and the family's types by name", () => {
    expect(hovers()).toEqual([
      'const kore: KoreClient',
      'const task: Task',
      'const result: WithResponse<Task>',
      'const data: Task',
      'const userInfo: CreateTaskUserInfo',
      '(property) createTask: (body: CreateTaskRequest, options?: CallOptions) => Promise<Task>',
      'const error: APIError',
      'const envelope: ErrorEnvelope | undefined',
      'const created: Case',
      'const cases: CasePage',
      'const tasks: TaskPage',
      'const updated: TaskRecord',
      'const updatedCase: WithResponse<Case>',
      'const item: TaskRecord',
      '(property) getCases: ListMethod<GetCasesRequest, CasePage, Case>',
      '(property) updateTask: (id: string, patch: UpdateTaskRequest, options?: CallOptions) => Promise<TaskRecord>',
    ]);
  });
});
