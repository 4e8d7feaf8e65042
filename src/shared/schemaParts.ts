/** The zod parts every argument schema is built of. */
import { z } from 'zod';

export const id = z.number().int().positive();
export const text = (max: number) => z.string().max(max);
