/** Which company and which metric each figure speaks of (browser-free). */
export { attributeFigures, type AttributedMetric, type Attribution } from './attribute';
