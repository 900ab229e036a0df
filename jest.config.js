// `npm test` runs every project in one Jest process; `nx run <project>:test` runs one.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const PROJECT_FOLDERS = ['libs', 'apps', 'tools'];

const projects = PROJECT_FOLDERS.flatMap((folder) =>
  readdirSync(join(import.meta.dirname, folder))
    .map((name) => join(import.meta.dirname, folder, name, 'jest.config.js'))
    .filter((config) => existsSync(config)),
);

// Jest reads testTimeout only from the root config when it runs several projects; tests that
// start brokers and servers need the long one, unit tests finish long before it.
export default { projects, testTimeout: 180_000 };
