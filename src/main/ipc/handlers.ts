/** The main-process side of the API contract: one handler per method, nothing else. */
import type { ImrApi } from '../../shared/api.ts';
import { PARSER_VERSION } from '../letters/parsing/index.ts';

export function createHandlers(appVersion: string): ImrApi {
  return {
    getAppInfo: async () => ({ appVersion, parserVersion: PARSER_VERSION }),
  };
}
