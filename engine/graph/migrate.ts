/**
 * Ordered migrations: a file written by an older netloom is upgraded one version at a time before it is validated,
 * so the schema only ever describes the current version and each format change is written once, as one step.
 */
import type { GraphIssue } from './errors.ts';
import { GRAPH_VERSION } from './types.ts';

/** A document as JSON holds it, before validation. */
export type RawDocument = Readonly<Record<string, unknown>>;

export interface Migration {
  /** What changed, for the changelog and for error messages (`rename "stride" to "strides"`). */
  readonly description: string;
  /**
   * Upgrades an unvalidated document by one version and returns a new object (the input is the caller's data).
   * It need not set `version`: migrateDocument does, so a migration cannot get it wrong.
   */
  readonly up: (doc: RawDocument) => RawDocument;
}

/**
 * MIGRATIONS[i] upgrades version i+1 to i+2, so the newest version a build reads is MIGRATIONS.length + 1, which
 * must equal GRAPH_VERSION (a test checks it).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    // Version 2 added only optional fields, so a version 1 document needs nothing but the new version number; the
    // bump makes an older netloom say "written by a newer netloom" instead of "unknown key blocks".
    description: 'reusable blocks: `blocks` definitions and block instances (groups with `block` and `collapsed`)',
    up: (doc) => ({ ...doc }),
  },
];

export type MigrateResult = { readonly ok: true; readonly doc: RawDocument } | { readonly ok: false; readonly errors: GraphIssue[] };

/**
 * Upgrades `raw` from its `version` to the newest version `migrations` reach. Returns `raw` itself when it is
 * already current. A migration that throws (on input it did not expect) is reported, not propagated.
 */
export function migrateDocument(raw: RawDocument, migrations: readonly Migration[] = MIGRATIONS): MigrateResult {
  const newest = migrations.length + 1;
  const version = raw['version'];
  if (version === undefined) {
    return fail('$.version', `missing "version"; a netloom graph says which version of the format it uses (this build writes ${GRAPH_VERSION})`);
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('$.version', `"version" must be a positive integer, found ${describe(version)}`);
  }
  if (version > newest) {
    return fail('$.version', `written by a newer netloom: version ${version}, this build reads up to ${newest}; update netloom to open it`);
  }
  let doc = raw;
  for (let v = version; v < newest; v++) {
    const step = migrations[v - 1]!;
    try {
      doc = { ...step.up(doc), version: v + 1 };
    } catch (e) {
      return fail('$', `cannot upgrade from version ${v} to ${v + 1} (${step.description}): ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { ok: true, doc };
}

function fail(path: string, message: string): MigrateResult {
  return { ok: false, errors: [{ path, message }] };
}

function describe(value: unknown): string {
  // Short strings are quoted so that "1" reads as the string it is; long ones would flood the message.
  if (typeof value === 'string') return value.length <= 32 ? JSON.stringify(value) : 'a long string';
  return typeof value === 'number' ? String(value) : value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
}
