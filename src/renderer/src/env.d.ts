import type { ImrApi } from '../../shared/api.ts';

declare global {
  interface Window {
    imr: ImrApi;
  }
}
