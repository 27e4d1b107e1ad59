import { XLSX_MEDIA_TYPE } from '../src/common/xlsx-response.js';
import { createTestApp, type TestApp } from './support/test-app.js';

interface Operation {
  summary?: string;
  security?: unknown[];
  parameters?: Array<{ in: string; name: string }>;
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const BINARY = { type: 'string', format: 'binary' };

/** The downloads and the media type each one answers; a new download must be added here. */
const FILES: Record<string, string> = {
  'get /api/v1/agreements/template.xlsx': XLSX_MEDIA_TYPE,
  'get /api/v1/agreements/{id}/export.xlsx': XLSX_MEDIA_TYPE,
  'get /api/v1/tranches/{id}/measurements/template.xlsx': XLSX_MEDIA_TYPE,
  'get /api/v1/reports/{id}/file': XLSX_MEDIA_TYPE,
  'get /api/v1/evidence/{id}/content': 'application/octet-stream',
};

/** No token needed here; everything else must say it answers 401. */
const PUBLIC = ['post /api/v1/auth/login', 'get /health', 'get /health/ready'];

describe('OpenAPI: every operation describes its answers, not only its requests', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, any> } };
  let ops: Array<{ key: string; op: Operation }>;

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http.get('/docs-json').expect(200)).body;
    ops = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]) => ({ key: `${method} ${path}`, op })),
    );
  });
  afterAll(() => t.close());

  // Each check lists the operations at fault, so one failure names every gap at once.
  const lacking = (test: (op: Operation, key: string) => boolean) => ops.filter(({ op, key }) => !test(op, key)).map(({ key }) => key);
  const statuses = (op: Operation) => Object.keys(op.responses ?? {});

  it('finds the whole API', () => {
    expect(ops.length).toBeGreaterThanOrEqual(70);
  });

  it('gives every operation a summary', () => {
    expect(lacking((op) => typeof op.summary === 'string' && op.summary.trim().length > 0)).toEqual([]);
  });

  it('documents at least one success for every operation, with a schema unless it is 204', () => {
    expect(lacking((op) => statuses(op).some((s) => /^2\d\d$/.test(s)))).toEqual([]);
    expect(
      lacking((op) =>
        statuses(op)
          .filter((s) => /^2\d\d$/.test(s) && s !== '204')
          .every((s) => Object.values(op.responses[s].content ?? {}).some((c) => c.schema)),
      ),
    ).toEqual([]);
  });

  it('asks for a token everywhere but login and health, and documents the 401 wherever it does', () => {
    expect(ops.filter(({ op }) => !op.security?.length).map(({ key }) => key).sort()).toEqual([...PUBLIC].sort());
    expect(lacking((op) => !op.security?.length || statuses(op).includes('401'))).toEqual([]);
  });

  it('documents the rate limit (429) on every operation', () => {
    expect(lacking((op) => statuses(op).includes('429'))).toEqual([]);
  });

  it('documents 404 on every operation addressed by a path parameter', () => {
    expect(lacking((op) => !op.parameters?.some((p) => p.in === 'path') || statuses(op).includes('404'))).toEqual([]);
  });

  it('describes every error with the body the error filter sends', async () => {
    const errorSchema = doc.components.schemas.ApiErrorDto;
    expect(errorSchema.required).toEqual(expect.arrayContaining(['statusCode', 'error', 'message', 'details']));
    const real = (await t.http.get('/api/v1/auth/me').expect(401)).body;
    expect(Object.keys(errorSchema.properties).sort()).toEqual(Object.keys(real).sort());
    expect(lacking((op) =>
      statuses(op)
        .filter((s) => /^4\d\d$/.test(s))
        .every((s) => op.responses[s].content?.['application/json']?.schema?.$ref === '#/components/schemas/ApiErrorDto'),
    )).toEqual([]);
  });

  it('describes every paginated list as items, total, page and pageSize', () => {
    const paged = ops.filter(({ op }) => op.parameters?.some((p) => p.in === 'query' && p.name === 'pageSize'));
    expect(paged.length).toBeGreaterThan(10);
    const bad = paged
      .filter(({ op }) => {
        const schema = op.responses['200']?.content?.['application/json']?.schema as { properties?: Record<string, any> } | undefined;
        const p = schema?.properties;
        return !(p?.items?.type === 'array' && p.items.items?.$ref && p.total && p.page && p.pageSize);
      })
      .map(({ key }) => key);
    expect(bad).toEqual([]);
  });

  it('declares the media type of every download, as binary', () => {
    const downloads = ops.filter(({ key }) => /(\.xlsx|\/file|\/content)$/.test(key)).map(({ key }) => key);
    expect(downloads.sort()).toEqual(Object.keys(FILES).sort());
    for (const [key, mediaType] of Object.entries(FILES)) {
      const [method, path] = key.split(' ');
      const content = doc.paths[path][method].responses['200']?.content;
      expect({ key, media: Object.keys(content ?? {}) }).toEqual({ key, media: [mediaType] });
      expect(content![mediaType].schema).toEqual(BINARY);
    }
  });
});
