/** API of the district's directory: department settings, people, organisations (schools among them). */
import { z } from 'zod';
import { createOrganization, deleteOrganization, listOrganizations, updateOrganization } from '../../db/organizations';
import { createPerson, deletePerson, listPeople, updatePerson } from '../../db/people';
import { getDepartment, setDepartment } from '../../db/settings';
import { expectedVersion, id, mediumText, method, noInput, optionalId, requiredMedium, requiredShort, shortText } from './define';
import { ORGANIZATION_KINDS } from '../../shared/labels';

const department = z.strictObject({
  fullName: shortText,
  shortName: shortText,
  headName: shortText,
  headPosition: shortText,
  town: shortText,
  coordinatorId: optionalId,
  districtName: shortText.optional(),
  districtCode: z
    .string()
    .trim()
    .regex(/^(\d{8}|\d{11})?$/, 'Код ОКТМО — 8 или 11 цифр (или оставьте поле пустым)')
    .optional(),
  expectedVersion,
});

// No .default() here: `.partial()` keeps defaults, so an update would reset the fields it omits.
// The database's column defaults fill what a create leaves out.
const person = z.strictObject({
  fullName: requiredShort,
  position: shortText.optional(),
  organizationId: optionalId.optional(),
  phone: shortText.optional(),
  email: shortText.optional(),
});

const organization = z.strictObject({
  kind: z.enum(ORGANIZATION_KINDS),
  name: requiredMedium,
  shortName: shortText.optional(),
  isShnor: z.boolean().optional(),
  isShnsu: z.boolean().optional(),
  is500: z.boolean().optional(),
  directorId: optionalId.optional(),
  curatorId: optionalId.optional(),
  address: shortText.optional(),
  /** «Другие написания»: one alias a line, what the school matcher also recognises. */
  aliases: mediumText.optional(),
});

export const directoryApi = {
  'settings.getDepartment': method(noInput, ({ db }) => getDepartment(db)),
  'settings.setDepartment': method(department, ({ db }, { expectedVersion: v, ...values }) => setDepartment(db, values, v)),

  'people.list': method(noInput, ({ db }) => listPeople(db)),
  'people.create': method(person, ({ db }, input) => createPerson(db, input)),
  'people.update': method(z.strictObject({ id, values: person.partial(), expectedVersion }), ({ db }, i) =>
    updatePerson(db, i.id, i.values, i.expectedVersion),
  ),
  'people.delete': method(z.strictObject({ id }), ({ db }, i) => deletePerson(db, i.id)),

  'organizations.list': method(z.strictObject({ kind: organization.shape.kind.optional() }).optional(), ({ db }, i) =>
    listOrganizations(db, i?.kind),
  ),
  'organizations.create': method(organization, ({ db }, input) => createOrganization(db, input)),
  'organizations.update': method(z.strictObject({ id, values: organization.partial(), expectedVersion }), ({ db }, i) =>
    updateOrganization(db, i.id, i.values, i.expectedVersion),
  ),
  'organizations.delete': method(z.strictObject({ id }), ({ db }, i) => deleteOrganization(db, i.id)),
};
