import pg from 'pg';

export default async function globalTeardown() {
  const name = process.env.TEST_DATABASE_NAME;
  if (name && process.env.TEST_SERVER_URL) {
    const admin = new pg.Client({ connectionString: process.env.TEST_SERVER_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
  await globalThis.__tramosEmbedded?.stop();
}
