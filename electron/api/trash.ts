/** API of the recycle bin (корзина): what is in it, restore, delete for good, empty. */
import { z } from 'zod';
import { emptyTrash, listTrash, purgeFromTrash, restoreFromTrash, TRASH_KINDS } from '../../db/trash';
import { id, method, noInput } from './define';

const item = z.strictObject({ kind: z.enum(TRASH_KINDS), id });

export const trashApi = {
  'trash.list': method(noInput, ({ db }) => listTrash(db)),
  'trash.restore': method(item, ({ db }, i) => restoreFromTrash(db, i.kind, i.id)),
  'trash.purge': method(item, ({ db }, i) => purgeFromTrash(db, i.kind, i.id)),
  'trash.empty': method(noInput, ({ db }) => emptyTrash(db)),
};
