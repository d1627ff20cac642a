import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import pg from 'pg';
import { PostgresStore } from '../../server/storage/postgres.js';
import { testDatabase } from './support.js';

const skip = process.env.DATABASE_URL_TEST ? false : 'DATABASE_URL_TEST is not set';

describe('PostgreSQL store: opening', { skip }, () => {
  /** The connections this test's store holds, found by their application_name. */
  const connections = async (appName: string): Promise<number> => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL_TEST });
    await client.connect();
    try {
      const result = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [appName]);
      return result.rows[0]!.n;
    } finally {
      await client.end();
    }
  };

  it('rolls a failing migration back and closes its pool', async () => {
    const db = testDatabase('postgres');
    const appName = `civic_migration_${randomBytes(4).toString('hex')}`;
    const url = new URL(db.databaseUrl!);
    url.searchParams.set('application_name', appName);
    const schema = url.searchParams.get('schema')!;
    try {
      const migrations = ['CREATE TABLE first_table (id integer)', 'CREATE TABLE second_table (id no_such_type)'];
      await assert.rejects(PostgresStore.open(url.href, { migrations }), /no_such_type/);
      assert.equal(await connections(appName), 0, 'no connection left open after a failed open()');

      const client = new pg.Client({ connectionString: process.env.DATABASE_URL_TEST });
      await client.connect();
      try {
        const tables = await client.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1', [
          schema,
        ]);
        assert.deepEqual(
          tables.rows.map((row) => row.table_name),
          ['schema_version'],
          'the first migration of the failed run was rolled back',
        );
        const version = await client.query(`SELECT version FROM ${schema}.schema_version`);
        assert.equal(version.rowCount, 0, 'the schema version did not move');
      } finally {
        await client.end();
      }

      // Once the broken migration is fixed, the same schema opens normally.
      const store = await PostgresStore.open(url.href, { migrations: ['CREATE TABLE first_table (id integer)', 'CREATE TABLE second_table (id integer)'] });
      await store.close();
      assert.equal(await connections(appName), 0, 'close() ends every connection');
    } finally {
      await db.drop();
    }
  });
});
