// Read by Vite for every build, the content scripts' separate IIFE builds included.
import { inlineTokens } from './build/inline-tokens.mjs';

export default { plugins: [inlineTokens((file) => file.includes('/src/content/'))] };
