import { catalogueDemoPart } from '../catalogues/catalogue-demo.part.js';
import { agreementsDemoPart } from '../agreements/demo/agreements-demo.part.js';
import type { DemoPart } from './demo.service.js';

/** The demo, in loading order. */
export const demoParts: DemoPart[] = [catalogueDemoPart, agreementsDemoPart];
