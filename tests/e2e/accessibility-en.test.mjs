// Every portal page in English, at 375 px and 1280 px: the right language, a screenshot, and
// no axe-core WCAG 2.1 A/AA violation (support/accessibility-sweep.mjs).
import { sweepEveryPage } from './support/accessibility-sweep.mjs';

sweepEveryPage('en');
