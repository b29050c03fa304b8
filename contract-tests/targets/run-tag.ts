/** The tag a run writes into every name it creates or renames, so a live tenant's leftovers can be found and closed. */
import { randomBytes } from 'node:crypto';

const runTagPrefix = 'contract-run';
export const newRunTag = () => `${runTagPrefix} ${new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '')}-${randomBytes(3).toString('hex')}`;
