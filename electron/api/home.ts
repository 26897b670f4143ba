/** API of the start screen «Главная»: everything it shows, in one call (db/home.ts). */
import { z } from 'zod';
import { homeSummary } from '../../db/home';
import { iso } from '../../db/terms/dates';
import { isoDate, method } from './define';

/** Today on this computer's calendar, as «Сроки» takes it in the page. */
const localToday = () => {
  const d = new Date();
  return iso(d.getFullYear(), d.getMonth() + 1, d.getDate());
};

export const homeApi = {
  /** `today` for a given date (tests, «на дату»); this computer's date without it. */
  'home.summary': method(z.strictObject({ today: isoDate.optional() }).optional(), ({ db }, i) =>
    homeSummary(db, i?.today ?? localToday()),
  ),
};
