import type { SchemaObject } from 'ajv';

// Every value schema carries a `description` phrase; validation errors read
// "<key> must be <description>", so the phrase is what an operator is told to write.

function integer(minimum: number): SchemaObject {
  return { type: 'integer', minimum, description: `an integer >= ${minimum}` };
}

const TEXT: SchemaObject = { type: 'string', description: 'a string' };
const NON_EMPTY_TEXT: SchemaObject = {
  type: 'string',
  minLength: 1,
  description: 'a non-empty string',
};
const FLAG: SchemaObject = { type: 'boolean', description: 'true or false' };
const HTTP_URL: SchemaObject = {
  type: 'string',
  pattern: '^https?://\\S+$',
  description: 'an http:// or https:// URL',
};
const OPTIONAL_HTTP_URL: SchemaObject = {
  type: 'string',
  pattern: '^(https?://\\S+)?$',
  description: 'empty or an http:// or https:// URL',
};
const TEXT_LIST: SchemaObject = {
  type: 'array',
  items: TEXT,
  description: 'a list of strings',
};

function oneOf(values: readonly string[]): SchemaObject {
  const choices = values.map((value) => `"${value}"`).join(', ');
  return { type: 'string', enum: values, description: `one of ${choices}` };
}

/** A TOML table whose keys are all known: anything else is a typo and rejected. */
function table(properties: Record<string, SchemaObject>): SchemaObject {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
    description: 'a table',
  };
}

const KAFKA_SECTION: SchemaObject = {
  type: 'object',
  properties: { 'bootstrap.servers': NON_EMPTY_TEXT, 'group.id': NON_EMPTY_TEXT },
  required: ['bootstrap.servers', 'group.id'],
  // Any librdkafka setting is accepted; librdkafka itself rejects names it does not know.
  additionalProperties: {
    type: ['string', 'number', 'boolean'],
    description: 'a string, number or boolean',
  },
  description: 'a table',
};

/** JSON schema of the whole configuration, checked once after all sources are merged. */
export const CONFIG_SCHEMA: SchemaObject = table({
  consumer: table({
    topic: NON_EMPTY_TEXT,
    retry_topic: TEXT,
    output_dir: NON_EMPTY_TEXT,
    max_in_flight: integer(1),
    max_errors: integer(-1),
    stop_on_skip: FLAG,
    drain_timeout_ms: integer(-1),
    plugin: oneOf(['cmip6']),
    transient: table({
      retries: integer(0),
      backoff_initial_ms: integer(0),
      backoff_max_ms: integer(0),
    }),
  }),
  kafka: KAFKA_SECTION,
  handle: table({
    server_url: HTTP_URL,
    prefix: NON_EMPTY_TEXT,
    username: TEXT,
    password: TEXT,
    client_cert: TEXT,
    client_key: TEXT,
    ca_cert: TEXT,
    verify_tls: FLAG,
    timeout_ms: integer(1),
    max_concurrency: integer(1),
    retries: integer(0),
  }),
  schema: table({ strict_mode: FLAG }),
  lookup: table({ backend: oneOf(['stac', 'elasticsearch', 'disabled']) }),
  stac: table({
    base_url: OPTIONAL_HTTP_URL,
    timeout_ms: integer(1),
    retries: integer(0),
    health_check: FLAG,
    search_syntax: oneOf(['query', 'cql2-json']),
  }),
  elasticsearch: table({
    url: OPTIONAL_HTTP_URL,
    index: NON_EMPTY_TEXT,
    username: TEXT,
    password: TEXT,
    timeout_ms: integer(1),
    keyword_suffix: TEXT,
  }),
  plugins: table({
    cmip6: table({
      landing_page_url: HTTP_URL,
      esgf_label: TEXT,
      max_parts: integer(-1),
      excluded_asset_keys: TEXT_LIST,
      accept_legacy_md5: FLAG,
    }),
  }),
  stats: table({
    interval_seconds: integer(1),
    enable_db: FLAG,
    db_path: NON_EMPTY_TEXT,
  }),
});

/** Sections whose keys are free-form (librdkafka names), not checked against a known list. */
export const FREE_FORM_SECTIONS: readonly string[] = ['kafka'];
