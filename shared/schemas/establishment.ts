import * as z from './zod.ts';

/** `GET /establishments`: the prisons of England and Wales, by NOMIS code and name, not paged. */
export const EstablishmentList = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string() })),
});
