// Validates one HTTP request against a vendor's own published API description (../shared/specs/,
// never copied into the repo: see ../shared/specs/README.md). The Slack and PagerDuty fakes call
// this for every request they receive, so a passing test means a request the real service accepts.
//
// Libraries: `swagger2openapi` converts Slack's Swagger 2.0 into OpenAPI 3.0 (the converter the
// OpenAPI tooling ecosystem uses); `ajv` + `ajv-formats` validate the JSON Schemas. Routing, parameter
// decoding and the derivations below are ours, because each spec needs a few mechanical ones that
// a general-purpose OpenAPI middleware would either not allow or hide.
//
// Each spec is read, parsed and prepared once per process (the promise is cached); the JSON Schemas
// of an operation are compiled the first time that operation is seen.
//
// Derivations (every one of them small and mechanical; none makes a required field optional):
//   All specs
//   D1  Paths are matched relative to the path of the spec's first server URL
//       (Slack `/api`, PagerDuty REST none, Events `/v2`); a literal segment beats a `{param}`.
//   D2  OpenAPI 3.0 schema dialect → what Ajv (draft-07) implements: `nullable: true` on a schema
//       without `type` (8 in PagerDuty REST) becomes `anyOf: [{type: 'null'}, <the schema>]`, and
//       `nullable: false` without `type` is dropped (it is the default); draft-04 boolean
//       `exclusiveMinimum/Maximum: true` next to `minimum/maximum: n` becomes `exclusiveMinimum/Maximum: n`.
//   D3  Formats that are not JSON Schema formats: `url` is checked as `uri` (ajv-formats' `url`
//       refuses private addresses such as 127.0.0.1); `tzinfo`, `activesupport-time-zone`,
//       `partial-time` and `TEXTAREA` are annotations (any string).
//   D4  Query, header and form values are strings on the wire: they are coerced to the declared
//       scalar type before validation (Ajv `coerceTypes`). Query parameters the operation does not
//       declare are violations (the real APIs ignore them silently, which hides typos such as
//       `statuses` for `statuses[]`).
//   PagerDuty REST
//   D5  A query parameter named `x[]` is sent as repeated values: when its schema is a single
//       scalar (e.g. `statuses[]`, `include[]`), it is validated as an array of that scalar.
//       `style: form, explode: false` arrays (e.g. `sort_by`) are split on commas.
//   D6  `Content-Type` (declared as an exact-match enum `application/json`, required even on GET) is
//       compared by media type: parameters such as `; charset=utf-8` (which @pagerduty/pdjs sends)
//       are dropped first. It stays required on every operation, as declared. `Accept` is declared
//       as any string (default the vnd type), so `application/json` passes too.
//   D7  The `api_key` security scheme is checked for presence of the `Authorization` header; the
//       fake checks its value.
//   D8  `IncidentBody.details` is typed `object`, but the spec's own request example for
//       `POST /incidents` (and PagerDuty's documentation) send a string: it accepts string or object.
//   PagerDuty Events v2
//   D9  From the spec's own description of `dedup_key` ("Required unless the event_type is
//       trigger") and the API's answer to a trigger without payload: `payload` is required when
//       `event_action` is `trigger`, `dedup_key` otherwise.
//   Slack Web API
//   D10 Swagger 2.0 → OpenAPI 3.0 by swagger2openapi with `patch: true` (it repairs 32 response
//       schemas whose `type` is an array; request parameters are untouched).
//   D11 A method's arguments may come in the query string or the body (form-encoded, or JSON where
//       the Swagger `consumes` lists application/json): they are merged and validated as one object
//       whose properties are the method's query and form parameters. A JSON body is validated as its
//       form encoding (objects/arrays stringified, like `blocks`), which is how Slack reads it.
//   D12 A method the spec lists as GET is also accepted as POST (@slack/web-api always POSTs); a
//       method listed as POST is accepted only as POST.
//   D13 The `token` parameter is satisfied by `Authorization: Bearer …` or a `token` argument. JSON
//       bodies need the Bearer header (Slack reads no token from a JSON body).
//   D14 Required arguments the spec forgot, per Slack's method documentation (ADDED_REQUIRED below).
//   D15 Arguments a method does not declare are violations.
import { readFile, access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction, type AnySchemaObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import swagger2openapi from 'swagger2openapi';

// ajv-formats is CommonJS (`module.exports = plugin; exports.default = plugin`): under NodeNext the
// default import is `module.exports`, typed as the module, so the plugin is its `.default`.
const addFormats = addFormatsModule.default;

export type Headers = Record<string, string | string[] | undefined>;
export type Query = Record<string, string | string[]>;

export interface RequestToValidate {
  method: string;
  /** The URL path as received, without the query string (e.g. `/api/chat.postMessage`, `/incidents/P1`). */
  path: string;
  query: Query;
  headers: Headers;
  rawBody: string;
}

export interface ValidationOutcome {
  /** `chat.postMessage`, `POST /incidents`, `GET /incidents/{id}`, `POST /v2/enqueue`; undefined when unknown. */
  operation: string | undefined;
  /** Path parameters of the matched template. */
  params: Record<string, string>;
  /** The body as parsed: an object of strings for a form body, the JSON value for JSON, undefined when empty. */
  body: unknown;
  /** Slack only: query and body arguments merged (D11), as strings. */
  args: Record<string, string>;
  violations: string[];
}

export interface SpecValidator {
  validate(request: RequestToValidate): ValidationOutcome;
  /** Whether the spec has this operation (same naming as `ValidationOutcome.operation`). */
  hasOperation(operation: string): boolean;
}

// D14: required per https://api.slack.com/methods/<method> but not marked so in the spec.
const ADDED_REQUIRED: Record<string, string[]> = {
  'conversations.create': ['name'],
  'conversations.setTopic': ['channel', 'topic'],
  'conversations.setPurpose': ['channel', 'purpose'],
  'conversations.invite': ['channel', 'users'],
  'conversations.info': ['channel'],
  'conversations.history': ['channel'],
  'chat.postMessage': ['channel'],
};

// ---------------------------------------------------------------------------------------------
// Loading

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

async function specsDirectory(): Promise<string> {
  // The repo is always cloned with ../shared beside it; fall back to the working directory.
  const candidates = [fileURLToPath(new URL('../../../shared/specs/', import.meta.url)), path.resolve(process.cwd(), '../shared/specs')];
  for (const candidate of candidates) {
    try {
      await access(path.join(candidate, 'README.md'));
      return candidate;
    } catch {
      // next
    }
  }
  throw new Error(`vendor specs not found in ${candidates.join(' or ')} (clone ../shared beside the repo)`);
}

async function readSpec(file: string): Promise<JsonObject> {
  const text = await readFile(path.join(await specsDirectory(), file), 'utf8');
  return JSON.parse(text) as JsonObject;
}

/** Milliseconds spent loading and preparing each spec in this process (for the report and bench). */
export const specLoadTimings: Record<string, number> = {};

async function timed<T>(name: string, load: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await load();
  specLoadTimings[name] = Math.round(performance.now() - started);
  return value;
}

function cached<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= load().catch((error: unknown) => {
      promise = undefined;
      throw error;
    });
    return promise;
  };
}

// D2
function toAjvDialect(node: Json): void {
  if (Array.isArray(node)) {
    for (const item of node) toAjvDialect(item);
    return;
  }
  if (!isObject(node)) return;
  for (const value of Object.values(node)) toAjvDialect(value);
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof node[exclusive] !== 'boolean') continue;
    if (node[exclusive] === true && typeof node[bound] === 'number') {
      node[exclusive] = node[bound];
      delete node[bound];
    } else delete node[exclusive];
  }
  if (node.nullable === undefined || node.type !== undefined) return;
  if (node.nullable === true) {
    const rest: JsonObject = { ...node };
    delete rest.nullable;
    for (const key of Object.keys(node)) delete node[key];
    node.anyOf = [{ type: 'null' }, rest];
  } else delete node.nullable;
}

function newAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, coerceTypes: coerce });
  addFormats(ajv);
  // D3
  ajv.addFormat('url', ajv.formats.uri ?? true);
  for (const annotation of ['tzinfo', 'activesupport-time-zone', 'partial-time', 'TEXTAREA']) ajv.addFormat(annotation, true);
  return ajv;
}

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const pointer = (...segments: string[]) => '#/' + segments.map(escapePointer).join('/');

function at(document: JsonObject, ref: string): Json | undefined {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
  let node: Json | undefined = document;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
  }
  return node;
}

/** Follows `$ref`s; returns the node and the pointer it lives at. */
function deref(document: JsonObject, node: Json | undefined, where: string): { node: JsonObject; where: string } {
  let current = node;
  let location = where;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 20) throw new Error(`$ref loop at ${where}`);
    location = current.$ref;
    current = at(document, current.$ref);
  }
  if (!isObject(current)) throw new Error(`no object at ${location}`);
  return { node: current, where: location };
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface Route {
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  literalSegments: number;
  operation: JsonObject;
  where: string;
}

function buildRoutes(document: JsonObject): Route[] {
  const routes: Route[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [template, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const names: string[] = [];
    const source = template
      .split('/')
      .map((segment) =>
        segment.replace(/\{([^}]+)\}|([^{]+)/g, (_match, name: string | undefined, literal: string | undefined) => {
          if (name !== undefined) {
            names.push(name);
            return '([^/]+)';
          }
          return (literal ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        }),
      )
      .join('/');
    const literalSegments = template.split('/').filter((segment) => segment && !segment.includes('{')).length;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      routes.push({ method: method.toUpperCase(), template, regex: new RegExp(`^${source}/?$`), names, literalSegments, operation, where: pointer('paths', template, method) });
    }
  }
  // D1: a literal segment beats a parameter (`/incidents/count` before `/incidents/{id}`).
  return routes.sort((a, b) => b.literalSegments - a.literalSegments || a.names.length - b.names.length);
}

function basePathOf(document: JsonObject): string {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const first = servers[0];
  if (!isObject(first) || typeof first.url !== 'string') return '';
  return new URL(first.url, 'http://placeholder').pathname.replace(/\/$/, '');
}

function formatErrors(errors: ErrorObject[] | null | undefined, prefix: string): string[] {
  return (errors ?? []).filter((error) => error.keyword !== 'if').map((error) => {
    const where = `${prefix}${error.instancePath}`.replace(/^\//, '');
    let detail = error.message ?? error.keyword;
    if (error.keyword === 'additionalProperties') detail += `: '${String((error.params as { additionalProperty?: string }).additionalProperty)}'`;
    if (error.keyword === 'enum') detail += `: ${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)}`;
    return where ? `${where} ${detail}` : detail;
  });
}

function headerValue(headers: Headers, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** `application/json; charset=utf-8` → `application/json`. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function parseBody(rawBody: string, type: string): { body: unknown; error?: string } {
  if (rawBody === '') return { body: undefined };
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return { body: JSON.parse(rawBody) as unknown };
    } catch (error) {
      return { body: rawBody, error: `body is not valid JSON (${(error as Error).message})` };
    }
  }
  if (type === 'application/x-www-form-urlencoded') return { body: Object.fromEntries(new URLSearchParams(rawBody)) };
  return { body: rawBody };
}

// ---------------------------------------------------------------------------------------------
// OpenAPI 3.0 (PagerDuty REST and Events)

interface CompiledOperation {
  params: ValidateFunction;
  arrayParams: Map<string, 'repeat' | 'comma'>;
  headerNames: Set<string>;
  bodies: Map<string, ValidateFunction>;
  bodyRequired: boolean;
  needsAuthorization: boolean;
}

class OpenApiValidator implements SpecValidator {
  private readonly routes: Route[];
  private readonly basePath: string;
  private readonly paramsAjv = newAjv(true);
  private readonly bodyAjv = newAjv(false);
  private readonly compiled = new Map<string, CompiledOperation>();

  constructor(
    private readonly document: JsonObject,
    private readonly id: string,
  ) {
    toAjvDialect(document);
    this.routes = buildRoutes(document);
    this.basePath = basePathOf(document);
    // The whole document is one schema resource; operation schemas point into it by JSON pointer.
    this.paramsAjv.addSchema({ ...document, $id: id });
    this.bodyAjv.addSchema({ ...document, $id: id });
  }

  hasOperation(operation: string): boolean {
    return this.routes.some((route) => `${route.method} ${this.basePath}${route.template}` === operation);
  }

  validate(request: RequestToValidate): ValidationOutcome {
    const outcome: ValidationOutcome = { operation: undefined, params: {}, body: undefined, args: {}, violations: [] };
    const method = request.method.toUpperCase();
    const type = mediaType(headerValue(request.headers, 'content-type'));
    const parsed = parseBody(request.rawBody, type);
    outcome.body = parsed.body;

    if (!request.path.startsWith(this.basePath + '/')) {
      outcome.violations.push(`unknown operation ${method} ${request.path}`);
      return outcome;
    }
    const relative = request.path.slice(this.basePath.length);
    const candidates = this.routes.filter((route) => route.regex.test(relative));
    const route = candidates.find((candidate) => candidate.method === method);
    if (!route) {
      outcome.violations.push(
        candidates.length
          ? `unknown operation ${method} ${request.path} (the spec has ${[...new Set(candidates.map((c) => c.method))].join(', ')} there)`
          : `unknown operation ${method} ${request.path}`,
      );
      return outcome;
    }
    outcome.operation = `${method} ${this.basePath}${route.template}`;
    const match = route.regex.exec(relative)!;
    route.names.forEach((name, index) => {
      const raw = match[index + 1] ?? '';
      try {
        outcome.params[name] = decodeURIComponent(raw);
      } catch {
        outcome.params[name] = raw;
        outcome.violations.push(`path parameter ${name} is not valid percent-encoding`);
      }
    });

    const operation = this.compile(route);
    const violations = outcome.violations;

    // Parameters (D4–D6)
    const query: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(request.query)) {
      const values = Array.isArray(value) ? value : [value];
      const style = operation.arrayParams.get(name);
      if (style === 'repeat') query[name] = values;
      else if (style === 'comma') query[name] = values.flatMap((v) => v.split(','));
      else query[name] = values.length === 1 ? values[0] : values;
    }
    const header: Record<string, unknown> = {};
    for (const name of operation.headerNames) {
      const value = headerValue(request.headers, name);
      if (value !== undefined) header[name] = name === 'content-type' ? mediaType(value) : value;
    }
    const data = { path: { ...outcome.params }, query, header };
    if (!operation.params(data)) violations.push(...formatErrors(operation.params.errors, ''));

    // D7
    if (operation.needsAuthorization && headerValue(request.headers, 'authorization') === undefined) violations.push('header/authorization is required (security scheme api_key)');

    // Body
    if (parsed.error) violations.push(parsed.error);
    else if (request.rawBody === '') {
      if (operation.bodyRequired) violations.push('request body is required');
    } else if (operation.bodies.size === 0) {
      violations.push(`${method} ${route.template} takes no request body`);
    } else {
      const validateBody = operation.bodies.get(type);
      if (!validateBody) violations.push(`content-type '${type}' is not one of ${[...operation.bodies.keys()].join(', ')}`);
      else if (!validateBody(parsed.body)) violations.push(...formatErrors(validateBody.errors, 'body'));
    }
    return outcome;
  }

  private compile(route: Route): CompiledOperation {
    const key = `${route.method} ${route.template}`;
    const existing = this.compiled.get(key);
    if (existing) return existing;

    const document = this.document;
    const ref = (where: string) => ({ $ref: `${this.id}${where}` });
    const sections: Record<'path' | 'query' | 'header', { properties: Record<string, AnySchemaObject>; required: Set<string> }> = {
      path: { properties: {}, required: new Set() },
      query: { properties: {}, required: new Set() },
      header: { properties: {}, required: new Set() },
    };
    const arrayParams = new Map<string, 'repeat' | 'comma'>();
    const pathItem = at(document, pointer('paths', route.template));
    const declared = [
      ...((isObject(pathItem) && Array.isArray(pathItem.parameters) ? pathItem.parameters : []).map((p, i) => ({ p, where: `${pointer('paths', route.template)}/parameters/${i}` }))),
      ...((Array.isArray(route.operation.parameters) ? route.operation.parameters : []).map((p, i) => ({ p, where: `${route.where}/parameters/${i}` }))),
    ];
    for (const { p, where: declaredAt } of declared) {
      const { node: parameter, where } = deref(document, p, declaredAt);
      const location = parameter.in;
      if (location !== 'path' && location !== 'query' && location !== 'header') continue;
      const name = location === 'header' ? String(parameter.name).toLowerCase() : String(parameter.name);
      const section = sections[location];
      let schemaWhere = `${where}/schema`;
      if (!isObject(parameter.schema) && isObject(parameter.content)) {
        const [mt] = Object.keys(parameter.content);
        schemaWhere = `${where}/content/${escapePointer(mt ?? '')}/schema`;
      }
      const { node: schema } = deref(document, at(document, schemaWhere) ?? {}, schemaWhere);
      let property: AnySchemaObject = ref(schemaWhere);
      if (location === 'query' && schema.type === 'array') {
        arrayParams.set(name, parameter.style === 'form' && parameter.explode === false ? 'comma' : 'repeat');
      } else if (location === 'query' && name.endsWith('[]')) {
        // D5
        arrayParams.set(name, 'repeat');
        property = { type: 'array', items: ref(schemaWhere), ...(schema.uniqueItems === true ? { uniqueItems: true } : {}) };
      }
      section.properties[name] = property;
      // An operation's parameter overrides the path item's one of the same name (OpenAPI 3.0).
      if (parameter.required === true || location === 'path') section.required.add(name);
      else section.required.delete(name);
    }
    const paramsSchema: AnySchemaObject = {
      type: 'object',
      properties: {
        path: { type: 'object', properties: sections.path.properties, required: [...sections.path.required] },
        query: { type: 'object', properties: sections.query.properties, required: [...sections.query.required], additionalProperties: false },
        header: { type: 'object', properties: sections.header.properties, required: [...sections.header.required] },
      },
    };

    const bodies = new Map<string, ValidateFunction>();
    let bodyRequired = false;
    if (route.operation.requestBody !== undefined) {
      const { node: requestBody, where } = deref(document, route.operation.requestBody, `${route.where}/requestBody`);
      bodyRequired = requestBody.required === true;
      for (const [mt, media] of Object.entries(isObject(requestBody.content) ? requestBody.content : {})) {
        const schema = isObject(media) && media.schema !== undefined ? ref(`${where}/content/${escapePointer(mt)}/schema`) : {};
        bodies.set(mediaType(mt), this.bodyAjv.compile(schema));
      }
    }
    const security = route.operation.security ?? document.security;
    const needsAuthorization = Array.isArray(security) && security.some((requirement) => isObject(requirement) && 'api_key' in requirement);

    const compiled: CompiledOperation = {
      params: this.paramsAjv.compile(paramsSchema),
      arrayParams,
      headerNames: new Set(Object.keys(sections.header.properties)),
      bodies,
      bodyRequired,
      needsAuthorization,
    };
    this.compiled.set(key, compiled);
    return compiled;
  }
}

// ---------------------------------------------------------------------------------------------
// Slack Web API (Swagger 2.0, converted)

interface SlackMethod {
  verb: 'GET' | 'POST';
  args: ValidateFunction;
  tokenRequired: boolean;
  acceptsJson: boolean;
}

class SlackValidator implements SpecValidator {
  private readonly ajv = newAjv(true);
  private readonly compiled = new Map<string, SlackMethod>();
  private readonly basePath: string;

  constructor(
    private readonly document: JsonObject,
    private readonly consumes: Map<string, string[]>,
  ) {
    this.basePath = basePathOf(document);
    this.ajv.addSchema({ ...document, $id: 'slack-web' });
  }

  hasOperation(operation: string): boolean {
    return this.compile(operation) !== undefined;
  }

  validate(request: RequestToValidate): ValidationOutcome {
    const outcome: ValidationOutcome = { operation: undefined, params: {}, body: undefined, args: {}, violations: [] };
    const violations = outcome.violations;
    const method = request.method.toUpperCase();
    const name = request.path.startsWith(this.basePath + '/') ? request.path.slice(this.basePath.length + 1).replace(/\/$/, '') : '';
    const type = mediaType(headerValue(request.headers, 'content-type'));
    const parsed = parseBody(request.rawBody, type);
    outcome.body = parsed.body;

    const slackMethod = name ? this.compile(name) : undefined;
    if (!slackMethod) {
      violations.push(`unknown method ${request.path}`);
      return outcome;
    }
    outcome.operation = name;

    // D12
    if (method !== slackMethod.verb && !(slackMethod.verb === 'GET' && method === 'POST')) violations.push(`${name} is not available as ${method} (the spec lists ${slackMethod.verb})`);

    // D11: merge query and body arguments.
    const args: Record<string, string> = {};
    for (const [key, value] of Object.entries(request.query)) args[key] = Array.isArray(value) ? value.join(',') : value;
    const bearer = /^Bearer\s+(\S+)/i.exec(headerValue(request.headers, 'authorization') ?? '')?.[1];
    if (parsed.error) violations.push(parsed.error);
    else if (request.rawBody !== '') {
      if (method === 'GET') violations.push('a GET request takes no body');
      else if (type === 'application/x-www-form-urlencoded') Object.assign(args, parsed.body as Record<string, string>);
      else if (type === 'application/json') {
        if (!slackMethod.acceptsJson) violations.push(`${name} does not accept JSON bodies (spec consumes: ${this.consumes.get(name)?.join(', ')})`);
        if (!bearer) violations.push('a JSON body needs the token in Authorization: Bearer');
        if (!isObject(parsed.body)) violations.push('JSON body must be an object');
        else for (const [key, value] of Object.entries(parsed.body)) if (value !== null) args[key] = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
      } else violations.push(`content-type '${type}' is not form-urlencoded or JSON`);
    }
    outcome.args = { ...args };

    // D13
    const token = bearer ?? args.token;
    delete args.token;
    if (slackMethod.tokenRequired && !token) violations.push('token is required (Authorization: Bearer or a token argument)');

    const data = { args };
    if (!slackMethod.args(data)) violations.push(...formatErrors(slackMethod.args.errors, ''));
    return outcome;
  }

  private compile(name: string): SlackMethod | undefined {
    const existing = this.compiled.get(name);
    if (existing) return existing;
    const item = at(this.document, pointer('paths', `/${name}`));
    if (!isObject(item)) return undefined;
    const verb = isObject(item.post) ? 'POST' : isObject(item.get) ? 'GET' : undefined;
    if (!verb) return undefined;
    const where = pointer('paths', `/${name}`, verb.toLowerCase());
    const operation = item[verb.toLowerCase()] as JsonObject;
    const ref = (location: string) => ({ $ref: `slack-web${location}` });

    const properties: Record<string, AnySchemaObject> = {};
    const required = new Set<string>(ADDED_REQUIRED[name] ?? []);
    let tokenRequired = false;
    (Array.isArray(operation.parameters) ? operation.parameters : []).forEach((p, index) => {
      const { node: parameter, where: parameterAt } = deref(this.document, p, `${where}/parameters/${index}`);
      if (parameter.name === 'token') {
        tokenRequired ||= parameter.required === true;
        return;
      }
      if (parameter.in !== 'query' && parameter.in !== 'header') return;
      properties[String(parameter.name)] = ref(`${parameterAt}/schema`);
      if (parameter.required === true) required.add(String(parameter.name));
    });
    if (operation.requestBody !== undefined) {
      const { node: requestBody, where: bodyAt } = deref(this.document, operation.requestBody, `${where}/requestBody`);
      const content = isObject(requestBody.content) ? requestBody.content : {};
      for (const [mt, media] of Object.entries(content)) {
        const schemaAt = `${bodyAt}/content/${escapePointer(mt)}/schema`;
        const { node: schema } = deref(this.document, isObject(media) ? media.schema : undefined, schemaAt);
        for (const property of Object.keys(isObject(schema.properties) ? schema.properties : {})) {
          if (property === 'token') {
            tokenRequired ||= Array.isArray(schema.required) && schema.required.includes('token');
            continue;
          }
          properties[property] = ref(`${schemaAt}/properties/${escapePointer(property)}`);
        }
        for (const property of Array.isArray(schema.required) ? schema.required : []) if (property !== 'token') required.add(String(property));
      }
    }
    const schema: AnySchemaObject = {
      type: 'object',
      properties: { args: { type: 'object', properties, required: [...required], additionalProperties: false } },
    };
    const compiled: SlackMethod = {
      verb,
      args: this.ajv.compile(schema),
      tokenRequired,
      acceptsJson: this.consumes.get(name)?.includes('application/json') ?? false,
    };
    this.compiled.set(name, compiled);
    return compiled;
  }
}

// ---------------------------------------------------------------------------------------------
// Entry points: one prepared validator per spec and process.

export const slackValidator = cached(() =>
  timed('slack-web.swagger.json', async () => {
    const swagger = await readSpec('slack-web.swagger.json');
    const consumes = new Map<string, string[]>();
    const globalConsumes = Array.isArray(swagger.consumes) ? swagger.consumes.map(String) : [];
    for (const [p, item] of Object.entries(isObject(swagger.paths) ? swagger.paths : {})) {
      if (!isObject(item)) continue;
      for (const operation of Object.values(item)) if (isObject(operation)) consumes.set(p.slice(1), Array.isArray(operation.consumes) ? operation.consumes.map(String) : globalConsumes);
    }
    // D10
    const converted = await swagger2openapi.convertObj(swagger as never, { patch: true, warnOnly: true });
    return new SlackValidator(converted.openapi as unknown as JsonObject, consumes);
  }),
);

export const pagerDutyRestValidator = cached(() =>
  timed('pagerduty-rest.openapi.json', async () => {
    const document = await readSpec('pagerduty-rest.openapi.json');
    // D8
    const details = at(document, pointer('components', 'schemas', 'IncidentBody', 'properties', 'details'));
    if (!isObject(details) || details.type !== 'object') throw new Error('PagerDuty spec changed: IncidentBody.details is no longer typed object; revisit D8');
    details.type = ['string', 'object'];
    return new OpenApiValidator(document, 'pagerduty-rest');
  }),
);

export const pagerDutyEventsValidator = cached(() =>
  timed('pagerduty-events-v2.openapi.json', async () => {
    const document = await readSpec('pagerduty-events-v2.openapi.json');
    // D9
    const body = at(document, pointer('paths', '/enqueue', 'post', 'requestBody', 'content', 'application/json', 'schema'));
    if (!isObject(body)) throw new Error('events spec: no body schema for POST /enqueue');
    body.allOf = [
      ...(Array.isArray(body.allOf) ? body.allOf : []),
      { if: { properties: { event_action: { const: 'trigger' } }, required: ['event_action'] }, then: { required: ['payload'] }, else: { required: ['dedup_key'] } },
    ];
    return new OpenApiValidator(document, 'pagerduty-events');
  }),
);
