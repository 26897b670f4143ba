/** API of the working group: members, meetings, protocols and their decisions. */
import { z } from 'zod';
import { MEMBER_ROLES } from '../../shared/labels';
import {
  addMember,
  deleteMeeting,
  getMeeting,
  listMeetings,
  listMembers,
  removeMember,
  saveMeeting,
  updateMember,
} from '../../db/meetings';
import {
  expectedVersion,
  id,
  isoDate,
  longText,
  requiredLong,
  mediumText,
  method,
  noInput,
  optionalId,
  requiredMedium,
  shortText,
} from './define';

const role = z.enum(MEMBER_ROLES);
const decision = z.strictObject({
  id: id.optional(),
  text: requiredLong,
  responsibleId: optionalId.default(null),
  responsibleText: mediumText.default(''),
  term: mediumText.default(''),
});
const agendaItem = z.strictObject({
  id: id.optional(),
  title: requiredMedium,
  heard: longText.default(''),
  spoke: longText.default(''),
  decisions: z.array(decision).max(200).default([]),
});
const meeting = z.strictObject({
  date: isoDate,
  number: shortText.default(''),
  place: shortText.default(''),
  chairId: optionalId.default(null),
  secretaryId: optionalId.default(null),
  attendeeIds: z.array(id).max(1000).default([]),
  invitedIds: z.array(id).max(1000).default([]),
  agenda: z.array(agendaItem).max(200).default([]),
});

export const groupApi = {
  'workingGroup.list': method(noInput, ({ db }) => listMembers(db)),
  'workingGroup.add': method(z.strictObject({ personId: id, role: role.default('member') }), ({ db }, i) =>
    addMember(db, i.personId, i.role),
  ),
  'workingGroup.update': method(z.strictObject({ id, role }), ({ db }, i) => updateMember(db, i.id, i.role)),
  'workingGroup.remove': method(z.strictObject({ id }), ({ db }, i) => removeMember(db, i.id)),

  'meetings.list': method(noInput, ({ db }) => listMeetings(db)),
  'meetings.get': method(z.strictObject({ id }), ({ db }, i) => getMeeting(db, i.id)),
  'meetings.save': method(z.strictObject({ id: optionalId, values: meeting, expectedVersion }), ({ db }, i) =>
    getMeeting(db, saveMeeting(db, i.id, i.values, i.expectedVersion)),
  ),
  'meetings.delete': method(z.strictObject({ id }), ({ db }, i) => deleteMeeting(db, i.id)),
};
