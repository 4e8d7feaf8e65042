/** The envelope of a call, checked where it enters a process: the method exists, its arguments are a list. */
import { z } from 'zod';
import { API_METHODS } from '../../shared/api.ts';
import type { ApiRequest, ApiResponse } from '../../shared/api.ts';

const requestSchema = z.strictObject({
  method: z.enum(API_METHODS),
  args: z.array(z.unknown()).max(16),
  libraryId: z.string().max(100).optional(),
});

export type CheckedRequest = { readonly ok: true; readonly request: ApiRequest } | { readonly ok: false; readonly response: ApiResponse<never> };

export function checkRequest(value: unknown): CheckedRequest {
  const parsed = requestSchema.safeParse(value);
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, response: { ok: false, error: { code: 'invalid-arguments', message: `Not an API call: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}` } } };
}

/** Whatever answers calls: the library server's client. */
export interface ApiCaller {
  call(request: ApiRequest): Promise<ApiResponse<unknown>>;
}
