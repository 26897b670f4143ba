/** API of the district's directory: department settings, people, organisations (schools among them). */
import { z } from 'zod';
import { createOrganization, deleteOrganization, listOrganizations, updateOrganization } from '../../db/organizations';
import { createPerson, deletePerson, listPeople, updatePerson } from '../../db/people';
import { getDepartment, setDepartment } from '../../db/settings';
import { id, method, noInput, optionalId, requiredMedium, requiredShort, shortText } from './define';

const department = z.strictObject({
  fullName: shortText,
  shortName: shortText,
  headName: shortText,
  headPosition: shortText,
  town: shortText,
  coordinatorId: optionalId,
});

const person = z.strictObject({
  fullName: requiredShort,
  position: shortText.default(''),
  organizationId: optionalId.default(null),
  phone: shortText.default(''),
  email: shortText.default(''),
});

const organization = z.strictObject({
  kind: z.enum(['department', 'rmk', 'school', 'other']),
  name: requiredMedium,
  shortName: shortText.default(''),
  isShnor: z.boolean().default(false),
  isShnsu: z.boolean().default(false),
  is500: z.boolean().default(false),
  directorId: optionalId.default(null),
  curatorId: optionalId.default(null),
  address: shortText.default(''),
});

export const directoryApi = {
  'settings.getDepartment': method(noInput, ({ db }) => getDepartment(db)),
  'settings.setDepartment': method(department, ({ db }, input) => setDepartment(db, input)),

  'people.list': method(noInput, ({ db }) => listPeople(db)),
  'people.create': method(person, ({ db }, input) => createPerson(db, input)),
  'people.update': method(z.strictObject({ id, values: person.partial() }), ({ db }, i) => updatePerson(db, i.id, i.values)),
  'people.delete': method(z.strictObject({ id }), ({ db }, i) => deletePerson(db, i.id)),

  'organizations.list': method(
    z.strictObject({ kind: organization.shape.kind.optional() }).optional(),
    ({ db }, i) => listOrganizations(db, i?.kind),
  ),
  'organizations.create': method(organization, ({ db }, input) => createOrganization(db, input)),
  'organizations.update': method(z.strictObject({ id, values: organization.partial() }), ({ db }, i) => updateOrganization(db, i.id, i.values)),
  'organizations.delete': method(z.strictObject({ id }), ({ db }, i) => deleteOrganization(db, i.id)),
};
