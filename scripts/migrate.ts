// npm run db:migrate: applies the committed drizzle migrations to the database file.
import { databaseFile, openDatabase } from '../lib/database';

const h = openDatabase();
h.sqlite.close();
console.log(`Migrated ${databaseFile()}`);
