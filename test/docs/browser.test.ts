/**
 * The published page opened from disk in Chromium with every request blocked: each operation's fields, samples and
 * inferred rules render, the decisions page is linked, no request, no console error (screenshots in reports/).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatten } from '../../contract-diff/resolve.js';
import type { Json } from '../../scripts/lib/openapi-document.js';
import { launchPackagedChromium } from '../helpers/chromium.js';
import { NO_UNSHARE, OFFLINE, namespaceIsIsolated, runScriptOffline } from './offline.js';
import { scratchDir } from '../helpers/run-scratch.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLES = join(ROOT, 'docs/samples');
const contract = JSON.parse(readFileSync(join(ROOT, 'generated/openapi.json'), 'utf8'));

const schema = (name: string) => flatten(contract, contract.components.schemas[name]);
const refName = (node: { $ref: string }) => node.$ref.split('/').at(-1)!;
/** Every operation as the contract declares it: where Redoc renders it, its parameters, request and 200 fields. */
const OPERATIONS = Object.entries<Json>(contract.paths).map(([path, item]) => {
  const op = item.post;
  const body = schema(refName(op.requestBody.content['application/json'].schema));
  const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: Json) => contract.components.parameters[refName(p)]);
  return {
    id: op.operationId as string,
    summary: op.summary as string,
    tag: op.tags[0] as string,
    path,
    section: `${op.tags[0].toLowerCase()}/${op.operationId.toLowerCase()}`,
    pathParameters: parameters.filter((p: Json) => p.in == 'path').map((p: Json) => p.name as string),
    headers: parameters.filter((p: Json) => p.in == 'header').map((p: Json) => p.name as string),
    requestFields: Object.keys(body.properties),
    responseFields: Object.keys(schema(refName(op.responses['200'].content['application/json'].schema)).properties),
    statuses: Object.keys(op.responses),
  };
});
const createTask = OPERATIONS.find((o) => o.id == 'createTask')!;
const userInfoFields = Object.keys(flatten(contract, schema('CreateTaskRequest').properties.userInfo).properties);
const SAMPLE_TABS = [
  ['curl', 'curl.sh'],
  ['SDK (kore-case-management)', 'sdk.ts'],
  ['openapi-generator client', 'openapi-generator.ts'],
] as const;

it('npm run docs builds with no network: the page below is built in a namespace that reaches nothing', async (ctx) => {
  if (!OFFLINE) return ctx.skip(NO_UNSHARE);
  expect(await namespaceIsIsolated()).toBe(true);
});

// Started once for the file. A browser that cannot start fails the test below and every test of the page (their
// beforeAll rethrows): it is never a skip.
const launched: Promise<Browser | Error> = launchPackagedChromium().catch((error: unknown) =>
  error instanceof Error ? error : new Error(String(error)),
);
afterAll(async () => {
  const browser = await launched;
  if (!(browser instanceof Error)) await browser.close();
});

it('Chromium from the npm package @sparticuz/chromium starts, headless', async () => {
  const browser = await launched;
  if (browser instanceof Error) throw browser;
  expect(browser.version()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
});

describe('published docs in a real browser, offline', () => {
  let browser: Browser;
  let page: Page;
  let pageUrl: string;
  let decisionsUrl: string;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const output = join(scratchDir('docs-'), 'index.html');
    await runScriptOffline('scripts/docs.ts', ['--output', output], ROOT);
    pageUrl = pathToFileURL(output).href;
    decisionsUrl = new URL('contract-decisions.html', pageUrl).href;
    const started = await launched;
    if (started instanceof Error) throw started;
    browser = started;
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await watch(page, requests, errors);
    await page.goto(pageUrl, { waitUntil: 'load' });
  }, 120_000);

  /** Blocks (and records) every request but the two page files themselves, and records console and page errors. */
  async function watch(target: Page, blocked: string[], logged: string[]): Promise<void> {
    await target.route('**/*', (route) => {
      const url = route.request().url();
      if ([pageUrl, decisionsUrl].includes(url.split('#')[0]!)) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    target.on('console', (message) => message.type() == 'error' && logged.push(message.text()));
    target.on('pageerror', (error) => logged.push(String(error)));
  }

  /** The rendered section of an operation (Redoc renders an operation once it is navigated to or scrolled near). */
  const sectionOf = (op: (typeof OPERATIONS)[number]) => page.locator(`[id="${op.section}"]`);

  /** Picks a sample in an operation's code panel language menu (the button shows the current one). */
  async function chooseSample(op: (typeof OPERATIONS)[number], label: string): Promise<void> {
    const current = sectionOf(op).getByRole('button', { name: /^(curl|SDK \(kore-case-management\)|openapi-generator client)$/ });
    if ((await current.innerText()).trim() != label) {
      await current.click();
      await page.getByRole('menuitem', { name: label, exact: true }).click();
    }
    expect((await current.innerText()).trim()).toBe(label);
  }

  // An item's own name sits at `item > div > span > .schema-name`; nested items are deeper.
  const names = (selector: string) => page.locator(`${selector} > div > span > .schema-name`).allInnerTexts();
  /** The own names of the items whose id matches (top-level fields: no `&` or `.` after their path). */
  const ownNames = (id: RegExp) =>
    page.evaluate(
      (source) =>
        [...document.querySelectorAll('[id]')]
          .filter((e) => new RegExp(source).test(e.id))
          .flatMap((e) => [...e.querySelectorAll(':scope > div > span > .schema-name')].map((n) => (n as HTMLElement).innerText)),
      id.source,
    );

  /** Opens an operation from the sidebar: its tag, then its summary. */
  async function navigate(op: (typeof OPERATIONS)[number]): Promise<void> {
    const menu = page.locator('.menu-content');
    const entry = menu.getByText(op.summary, { exact: true }).first();
    // A tag's entry toggles its group, and the entry may be hidden only while the sidebar scrolls: a click can then
    // close the group (its entries leave the DOM). Click until the entry shows, at most twice.
    for (let clicks = 0; clicks < 2 && !(await entry.isVisible()); clicks++) {
      await menu.getByText(op.tag, { exact: true }).first().click();
      await entry.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => {});
    }
    // dispatched: while the sidebar scrolls after a tag opens, a pointer click can land on its neighbour
    await entry.dispatchEvent('click');
    await page.getByRole('heading', { name: op.summary, level: 2 }).waitFor({ timeout: 10_000 });
  }

  /** The description's section headings, as the contract writes them. */
  const sections = [...contract.info.description.matchAll(/^## (.+)$/gm)].map((m: RegExpMatchArray) => m[1]!.replaceAll('`', ''));

  it('opens from disk on the contract title and the description sections, whole in the sidebar too', async () => {
    expect(await page.getByRole('heading', { level: 1 }).first().innerText()).toContain(contract.info.title);
    const text = (await page.innerText('main, body')).replace(/\s+/g, ' ');
    expect(sections).toEqual(['Authentication: a JWT in the auth header', 'Hosts and ids', 'Errors', 'Retries and idempotency', 'Clients']);
    const sidebar = (await page.locator('.menu-content').innerText()).split('\n').map((l) => l.trim());
    for (const section of sections) {
      expect(text).toContain(section);
      expect(sidebar, `sidebar entry "${section}"`).toContain(section);
    }
    expect(text).not.toContain('How this contract reads the page'); // authoring notes live in the decisions page
    expect(text.match(/the public Case Management APIs of the Kore\.ai platform/gi), 'the opening names the platform, once').toHaveLength(1);
    expect(contract.info.title).toMatch(/^Kore\.ai /);
  });

  it("links the platform's page and the contract decisions, which open from disk beside the reference", async () => {
    const external = page.locator(`a[href="${contract.externalDocs.url}"]`).first();
    expect(await external.isVisible()).toBe(true);
    const link = page.locator('a[href="contract-decisions.html"]').first();
    expect(await link.innerText()).toBe('the contract decisions');
    const decisions = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const blocked: string[] = [];
    const logged: string[] = [];
    await watch(decisions, blocked, logged);
    await decisions.goto(new URL((await link.getAttribute('href')) as string, pageUrl).href, { waitUntil: 'load' });
    const text = (await decisions.innerText('body')).replace(/\s+/g, ' ');
    const headings = [...readFileSync(join(ROOT, 'docs/contract-decisions.md'), 'utf8').matchAll(/^## (.+)$/gm)].map((m) =>
      m[1]!.replaceAll('`', ''),
    );
    expect(headings).toEqual(
      expect.arrayContaining([
        "createTask's request body",
        'The family: shared by all six',
        'createCase',
        'getCases and getTasks',
        'updateCase and updateTask',
        'Errors, limits and retries (all inferred)',
      ]),
    );
    for (const heading of headings) {
      expect(text).toContain(heading);
    }
    await decisions.screenshot({ path: join(ROOT, 'reports/docs-decisions.png') });
    await decisions.close();
    expect(blocked).toEqual([]);
    expect(logged).toEqual([]);
  });

  it('lists the six operations under the tags Cases and Tasks in the sidebar', async () => {
    expect(OPERATIONS.map((o) => o.id).sort()).toEqual(['createCase', 'createTask', 'getCases', 'getTasks', 'updateCase', 'updateTask']);
    const menu = page.locator('.menu-content');
    const menuLines = async () => (await menu.innerText()).split('\n').map((l) => l.trim());
    for (const tag of ['Tasks', 'Cases']) {
      const summaries = OPERATIONS.filter((o) => o.tag == tag).map((o) => o.summary);
      let lines = await menuLines();
      // A tag's entry toggles its group, and an earlier test may have opened it already: click only until it shows
      // its operations (at most twice).
      for (let clicks = 0; clicks < 2 && !summaries.every((s) => lines.includes(s)); clicks++) {
        await menu.getByText(tag, { exact: true }).first().click();
        lines = await menuLines();
      }
      for (const summary of summaries) expect(lines, `${tag} › ${summary}`).toContain(summary);
    }
    expect(new Set(OPERATIONS.map((o) => o.tag))).toEqual(new Set(['Tasks', 'Cases']));
  });

  describe.each(OPERATIONS)('$id', (op) => {
    const at = `[id="${op.section}/t=request&`;

    it('opens from the sidebar on its path', async () => {
      await navigate(op);
      expect(await sectionOf(op).innerText()).toContain(op.path);
    });

    it('renders every request field and every parameter', async () => {
      // polled: Redoc may still be rendering the operation it was just sent to
      const poll = <T>(read: () => Promise<T>, what: string) => expect.poll(read, { message: what, timeout: 10_000 });
      for (const name of op.pathParameters) await poll(() => names(`${at}in=path&path=${name.toLowerCase()}"]`), name).toEqual([name]);
      for (const name of op.headers) await poll(() => names(`${at}in=headers&path=${name.toLowerCase()}"]`), name).toEqual([name]);
      const top = async () => [...new Set(await ownNames(new RegExp(`^${op.section}/t=request&path=(&oneof=0/)?[^&./[]+$`)))].sort();
      await poll(top, 'request fields').toEqual([...op.requestFields].sort());
    });

    it.each(SAMPLE_TABS)('shows the %s sample, line for line', async (label, file) => {
      await chooseSample(op, label);
      const lines = readFileSync(join(SAMPLES, op.id, file), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      // The tab's panel is swapped in after the click: poll until it shows the sample (lines it lacks, none left).
      const missing = async () => {
        const shown = (await sectionOf(op).locator('pre').allTextContents()).join('\n');
        return lines.filter((line) => !shown.includes(line));
      };
      await expect.poll(missing, { message: `${op.id}/${file}: lines not shown`, timeout: 10_000 }).toEqual([]);
    });

    it('renders the 200 response schema field by field, and every documented status', async () => {
      const top = async () => [...new Set(await ownNames(new RegExp(`^${op.section}/t=response&c=200&path=[^&.]+$`)))].sort();
      await expect.poll(top, { message: '200 fields', timeout: 10_000 }).toEqual([...op.responseFields].sort());
      for (const status of op.statuses) {
        await expect(sectionOf(op).getByRole('button', { name: status, exact: true }).first().isVisible(), status).resolves.toBe(true);
      }
    });
  });

  it("renders createTask's userInfo fields, nested", async () => {
    await navigate(createTask);
    // Redoc renders nested fields once they scroll into view
    await page.locator(`[id="${createTask.section}/t=request&path=userinfo"]`).scrollIntoViewIfNeeded();
    await page.locator(`[id^="${createTask.section}/t=request&path=userinfo&"]`).first().waitFor();
    const nested = await names(`[id^="${createTask.section}/t=request&path=userinfo&"]`);
    expect([...new Set(nested)].sort()).toEqual([...userInfoFields].sort());
    for (const name of [...createTask.requestFields, ...userInfoFields]) {
      await expect(
        sectionOf(createTask)
          .locator('.schema-name', { hasText: new RegExp(`^${name}$`) })
          .first()
          .isVisible(),
        name,
      ).resolves.toBe(true);
    }
  });

  it("shows the 200 examples with ids of the pages' shape and no mask or placeholder", async () => {
    await navigate(createTask);
    const shown = (await page.locator('pre').allTextContents()).join('\n');
    expect(shown).toContain(contract.components.examples.TaskSeedSample.value._id);
    expect(shown).not.toMatch(/xxxx|\{\{/);
  });

  it('shows which rules are inferred, where they apply', async () => {
    await navigate(createTask);
    const text = (await page.innerText('body')).replace(/\s+/g, ' ');
    // the 200 status and the ids, request and response; Assignee; each error response once opened (its body, the
    // envelope, is inferred with it)
    expect(text).toContain(
      `Inferred: ${contract.paths[Object.keys(contract.paths)[0]!].post.responses['200']['x-provenance-source'].replaceAll('`', '')}.`,
    );
    expect(text).toContain(`Inferred (its shape): ${contract.components.schemas.CaseId['x-provenance-source'].replaceAll('`', '')}.`);
    expect(text).toContain(`Inferred (its shape): ${contract.components.schemas.AccountId['x-provenance-source'].replaceAll('`', '')}.`);
    expect(text).toContain(`Inferred: ${contract.components.schemas.Assignee['x-provenance-source'].replaceAll('`', '')}.`);
    expect(text).not.toContain(`Inferred: ${contract.components.schemas.Task['x-provenance-source'].replaceAll('`', '')}`); // documented
    const responses = contract.components.responses;
    for (const [status, name] of [
      ['429', 'TooManyRequests'],
      ['400', 'BadRequest'],
      ['415', 'UnsupportedMediaType'],
    ] as const) {
      await sectionOf(createTask).getByRole('button', { name: status, exact: true }).first().click();
      const open = (await page.innerText('body')).replace(/\s+/g, ' ');
      expect(open, status).toContain(`Inferred: ${responses[name]['x-provenance-source'].replaceAll('`', '')}.`);
    }
    await sectionOf(createTask).getByRole('button', { name: '429', exact: true }).first().click();
    await page
      .getByText(`Inferred: ${responses.TooManyRequests['x-provenance-source'].replaceAll('`', '')}.`)
      .first()
      .scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ROOT, 'reports/docs-inferred.png') });
  });

  it('made no network request and logged no error; screenshot saved', async () => {
    await navigate(createTask);
    await chooseSample(createTask, 'SDK (kore-case-management)');
    mkdirSync(join(ROOT, 'reports'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'reports/docs.png') });
    const getTasks = OPERATIONS.find((o) => o.id == 'getTasks')!;
    await navigate(getTasks);
    await chooseSample(getTasks, 'SDK (kore-case-management)');
    await page.screenshot({ path: join(ROOT, 'reports/docs-getTasks.png') });
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('would have seen a request: the blocker records one the page makes', async () => {
    const blocked: string[] = [];
    const logged: string[] = [];
    const probe = await browser.newPage();
    await watch(probe, blocked, logged);
    // the decisions page, built beside the reference: the same blocker without rendering Redoc a second time
    await probe.goto(decisionsUrl, { waitUntil: 'load' });
    await probe.evaluate(
      () =>
        new Promise((done) => {
          const img = document.createElement('img');
          img.onerror = img.onload = done;
          img.src = 'https://cdn.example.test/logo.svg';
          document.body.append(img);
        }),
    );
    await probe.close();
    expect(blocked).toEqual(['https://cdn.example.test/logo.svg']);
    expect(logged.join('\n')).toMatch(/Failed to load resource/);
  });
});
