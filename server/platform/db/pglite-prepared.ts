import { parse, protocol, type PGlite, type QueryOptions, type Results } from '@electric-sql/pglite';

/**
 * Named prepared statements for PGlite.
 *
 * PGlite's query() plans every statement afresh (an unnamed statement) and crosses into the WASM
 * backend six times per query (Parse, Describe, Bind, Describe, Execute, Sync). On the embedded
 * database all of that runs on the one thread that also serves HTTP, so it is most of a small
 * query's cost. Here each distinct SQL text is parsed and described once as a named statement;
 * afterwards a query is one round trip (Bind, Execute, Sync), and PostgreSQL's plan cache may
 * reuse a generic plan after five executions (plan_cache_mode auto), which also skips the
 * relation-size probes that planning makes through PGlite's file system.
 *
 * Scope: queries outside a transaction (reads, mostly). Transactions keep PGlite's own path. It
 * takes the same two locks as query(), so it never interleaves with a transaction. Statements are
 * kept for the most recent MAX_STATEMENTS texts; a schema change (exec) forgets them all.
 * Built on PGlite's public protocol API (execProtocol, protocol.serialize, parse.parseResults).
 */
const MAX_STATEMENTS = 500;

type Statement = { name: string; paramTypes: number[]; rowDescription: unknown };
type BackendMessage = { name: string; dataTypeIDs?: number[] };

/** The internals of PGlite's public query() that this mirrors (declared in its typings). */
type PGliteInternals = {
  _checkReady(): Promise<void>;
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T>;
  serializers: Record<number, (value: unknown) => string>;
  parsers: Record<number, (value: string, typeId?: number) => unknown>;
};

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }

  return out;
};

/** "cached plan must not change result type": the table changed under a prepared SELECT *. */
const isStalePlan = (err: unknown) => (err as { code?: string }).code === '0A000';

export const withPreparedStatements = (client: PGlite): PGlite => {
  const pg = client as unknown as PGliteInternals;
  const statements = new Map<string, Statement>();
  let counter = 0;

  const prepare = async (text: string, options: QueryOptions | undefined): Promise<Statement> => {
    const name = `jj_${++counter}`;
    const { messages } = await client.execProtocol(
      concat([
        protocol.serialize.parse({ name, text, ...(options?.paramTypes ? { types: options.paramTypes } : {}) }),
        protocol.serialize.describe({ type: 'S', name }),
        protocol.serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const described = messages as BackendMessage[];
    const statement = {
      name,
      paramTypes: described.find((m) => m.name === 'parameterDescription')?.dataTypeIDs ?? [],
      rowDescription: described.find((m) => m.name === 'rowDescription'),
    };
    if (statements.size >= MAX_STATEMENTS) {
      // Forget the oldest (Map keeps insertion order; a hit re-inserts, so this is least recently used).
      const [oldText, old] = statements.entries().next().value as [string, Statement];
      statements.delete(oldText);
      await client.execProtocol(concat([protocol.serialize.close({ type: 'S', name: old.name }), protocol.serialize.sync()]), { syncToFs: false });
    }
    statements.set(text, statement);

    return statement;
  };

  const run = async <T>(text: string, params: unknown[], options: QueryOptions | undefined): Promise<Results<T>> => {
    let statement = statements.get(text);
    if (statement) {
      statements.delete(text);
      statements.set(text, statement);
    } else statement = await prepare(text, options);
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = options?.serializers?.[statement.paramTypes[i]!] ?? pg.serializers[statement.paramTypes[i]!];

      return serializer ? serializer(value) : String(value);
    });
    const { messages } = await client.execProtocol(
      concat([protocol.serialize.bind({ statement: statement.name, values }), protocol.serialize.execute({}), protocol.serialize.sync()]),
      { syncToFs: false },
    );
    // Without a Describe of the portal no row description comes back: use the statement's.
    const all = (statement.rowDescription ? [statement.rowDescription, ...messages] : messages) as Parameters<typeof parse.parseResults>[0];

    return parse.parseResults(all, pg.parsers, options)[0] as Results<T>;
  };

  const query = async <T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> => {
    // COPY with blobs is PGlite's own business.
    if (options?.blob) return client.query<T>(text, params, options);
    await pg._checkReady();

    return pg._runExclusiveTransaction(() =>
      pg._runExclusiveQuery(async () => {
        try {
          return await run<T>(text, params, options);
        } catch (err) {
          if (!isStalePlan(err)) throw err;
          statements.delete(text);

          return run<T>(text, params, options);
        } finally {
          await client.syncToFs();
        }
      }),
    );
  };

  const exec: PGlite['exec'] = async (text, options) => {
    const result = await client.exec(text, options);
    // A script may have changed the schema or reset the session: start again.
    if (statements.size) {
      statements.clear();
      await client.exec('DEALLOCATE ALL');
    }

    return result;
  };

  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'query') return query;
      if (prop === 'exec') return exec;
      const value = Reflect.get(target, prop, target) as unknown;

      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
};
