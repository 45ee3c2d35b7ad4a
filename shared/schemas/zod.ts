/** zod/mini, to import `* as z`: a namespace object `{ z }` (zod's, or re-exported) keeps all of zod. */
import { en } from 'zod/locales';
import { config } from 'zod/mini';

// The English messages classic zod prints, which the API's field messages are built on.
config(en());

export * from 'zod/mini';
