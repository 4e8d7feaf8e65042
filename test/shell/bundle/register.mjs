// `node --import` this file to run the built main bundle with fake-electron.mjs as "electron".
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
