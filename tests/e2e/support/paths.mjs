// Where things are: the repository, the server program, the screenshot folder.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const serverBin = process.env.TESSERA_SERVER_BIN || path.join(repoRoot, 'build', 'server', 'tessera-server');

export const resourcesDir = process.env.TESSERA_E2E_RESOURCES_DIR || path.join(repoRoot, 'resources');

export const screenshotDir = process.env.TESSERA_E2E_SCREENSHOT_DIR || path.join(repoRoot, 'tests', 'e2e', 'screenshots');
