/**
 * The API's handlers, one domain at a time, made into the one map the server dispatches on.
 * A method two domains both define is refused when the library opens, naming both, rather
 * than the later domain silently winning.
 */
import type { ImrApi } from '../../../shared/api.ts';
import type { HandlerContext } from '../session.ts';
import { appHandlers } from './app.ts';
import { bulkHandlers } from './bulk.ts';
import { conflictHandlers } from './conflicts.ts';
import { correctionHandlers } from './corrections.ts';
import { flowHandlers } from './flow.ts';
import { insightsHandlers } from './insights.ts';
import { jobHandlers } from './jobs.ts';
import { letterHandlers } from './letters.ts';
import { qualityHandlers } from './quality.ts';
import { reviewHandlers } from './review.ts';
import { tagHandlers } from './tags.ts';
import { teamHandlers } from './team.ts';
import { undoHandlers } from './undo.ts';

/** The intersection of a union's members: every domain's methods together. */
type AllOf<Union> = (Union extends unknown ? (member: Union) => void : never) extends (all: infer All) => void ? All : never;

/** Joins the domains' handlers into one map; a method defined by two domains is an error naming both. */
export function joinHandlers<Domains extends Record<string, object>>(domains: Domains): AllOf<Domains[keyof Domains]> {
  const owners = new Map<string, string>();
  for (const [domain, handlers] of Object.entries(domains)) {
    for (const method of Object.keys(handlers)) {
      const owner = owners.get(method);
      if (owner !== undefined) throw new Error(`The API method ${method} is handled twice: by the ${owner} and the ${domain} handlers`);
      owners.set(method, domain);
    }
  }
  return Object.assign({}, ...Object.values(domains)) as AllOf<Domains[keyof Domains]>;
}

export function apiHandlers(context: HandlerContext): ImrApi {
  return joinHandlers({
    app: appHandlers(context),
    letters: letterHandlers(context),
    review: reviewHandlers(context),
    tags: tagHandlers(context),
    undo: undoHandlers(context),
    jobs: jobHandlers(context),
    conflicts: conflictHandlers(context),
    flow: flowHandlers(context),
    bulk: bulkHandlers(context),
    corrections: correctionHandlers(context),
    insights: insightsHandlers(context),
    quality: qualityHandlers(context),
    team: teamHandlers(context),
  });
}
