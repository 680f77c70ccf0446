import { Logger } from '@nestjs/common';
import { validateEnvironment } from '../config/environment';
import { openSqlClient } from '../infrastructure/database/database.module';
import { migrate } from '../infrastructure/database/migrator';

/** `npm run migrate`: applies migrations/ to the configured database and exits; refuses if an applied file changed. */
const main = async () => {
  const env = validateEnvironment(process.env);
  const sql = await openSqlClient({ env });
  try {
    const applied = await migrate(sql, env.DATABASE_SCHEMA);
    new Logger('migrate').log(applied.length > 0 ? `applied ${applied.join(', ')}` : 'already up to date');
  } finally {
    await sql.close();
  }
};

main().catch((error: unknown) => {
  new Logger('migrate').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
